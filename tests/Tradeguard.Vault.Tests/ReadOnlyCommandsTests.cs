using System.Diagnostics;
using Tradeguard.TestSupport;

namespace Tradeguard.Vault.Tests;

/// <summary>
/// The promise "reading never writes": every command that only reads leaves the vault file byte-identical (so its
/// generation stays), and <c>vault.tgv.bak</c> keeps the state from before the user's last change.
/// </summary>
public sealed class ReadOnlyCommandsTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    private string VaultPath => _home.Combine("vault.tgv");

    private string BackupPath => VaultPath + ".bak";

    private Dictionary<string, string?> Env() => Env(_home.Path);

    private static Dictionary<string, string?> Env(string home) => new(TestVaults.CliEnvironment(home))
    {
        ["TRADEGUARD_PASSWORD"] = "not anybody's password",
        ["TRADEGUARD_SESSION"] = null,
        ["TRADEGUARD__Identity__Argon2MemoryKiB"] = "256",
        ["TRADEGUARD__Identity__Argon2Iterations"] = "1",
    };

    private ProcessResult Cli(string? stdin, params string[] args) => TradeguardCli.Run(args, stdin, Env());

    private static ProcessResult CliIn(string home, string? stdin, params string[] args) =>
        TradeguardCli.Run(args, stdin, Env(home));

    // Made by the CLI once, then copied: what each test reads is what `vault init` and two `vault set` wrote.
    private void InitWithTwoEntries() => HomeTemplate.CopyTo("vault-with-two-entries", home =>
    {
        TestVaults.InitHome(home);
        Assert.Equal(0, CliIn(home, "sk-live-0123456789abcdefXYZ\n", "vault", "set", "binance", "api_key").ExitCode);
        Assert.Equal(0, CliIn(home, "0123456789abcdef0123456789abcdef\n", "vault", "set", "binance", "api_secret").ExitCode);
    }, _home.Path);

    public static TheoryData<string[]> ReadOnlyCommands => new()
    {
        new[] { "vault", "get", "binance", "api_key" },
        new[] { "vault", "get", "binance", "api_key", "--reveal" },
        new[] { "vault", "list" },
        new[] { "vault", "check" },
        new[] { "exec", "--env", "K=vault://binance/api_key", "--", "/bin/true" },
        new[] { "login", "nobody" },
        new[] { "audit", "verify" },
    };

    [Theory]
    [MemberData(nameof(ReadOnlyCommands))]
    public void ReadOnlyCommand_LeavesTheVaultAndItsBackupByteIdentical(string[] command)
    {
        InitWithTwoEntries();
        var vault = File.ReadAllBytes(VaultPath);
        var backup = File.ReadAllBytes(BackupPath);

        for (var i = 0; i < 2; i++)
        {
            var result = Cli(null, command);
            Assert.True(result.ExitCode is 0 or 3, result.AllOutput);
        }

        Assert.Equal(vault, File.ReadAllBytes(VaultPath));
        Assert.Equal(backup, File.ReadAllBytes(BackupPath));
    }

    [Fact]
    public void ListingTheBackup_DoesNotModifyIt_NorMakeABackupOfIt()
    {
        InitWithTwoEntries();
        var backup = File.ReadAllBytes(BackupPath);
        var before = Directory.GetFiles(_home.Path).Order().ToList();

        var list = Cli(null, "vault", "list", "--vault", BackupPath);

        Assert.Equal(0, list.ExitCode);
        Assert.Equal(backup, File.ReadAllBytes(BackupPath));
        Assert.False(File.Exists(BackupPath + ".bak"));
        Assert.Equal(before, Directory.GetFiles(_home.Path).Order().ToList());
    }

    [Fact]
    public void Rm_CanBeUndone_FromTheBackup_AfterMoreReads()
    {
        InitWithTwoEntries();
        Assert.Equal(0, Cli(null, "vault", "rm", "binance", "api_secret").ExitCode);
        Assert.Equal(0, Cli(null, "vault", "list").ExitCode);
        Assert.Equal(0, Cli(null, "vault", "get", "binance", "api_key").ExitCode);

        var restore = Cli(null, "vault", "recover", "--from-backup");

        Assert.True(restore.ExitCode == 0, restore.AllOutput);
        Assert.Contains("Restored", restore.Stdout, StringComparison.Ordinal);
        Assert.Equal("0123456789abcdef0123456789abcdef\n", Cli(null, "vault", "get", "binance", "api_secret", "--reveal").Stdout);
    }

    [Fact]
    public void ADamagedInternalEntry_FailsAtOnce_NamingItAndTheFix()
    {
        TestVaults.InitHome(_home.Path);
        var bytes = File.ReadAllBytes(VaultPath);
        bytes[^20] ^= 0x01;
        File.WriteAllBytes(VaultPath, bytes);

        var watch = Stopwatch.StartNew();
        var list = Cli(null, "vault", "list");
        watch.Stop();

        Assert.Equal(4, list.ExitCode);
        Assert.Contains("vault://tradeguard/audit_key", list.Stderr, StringComparison.Ordinal);
        Assert.Contains("tradeguard vault recover", list.Stderr, StringComparison.Ordinal);
        // Not a timing claim: a command that waited on its own lock took the lock's full timeout (60 s) here.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }
}
