using System.Text;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;
using Tradeguard.TestSupport;

namespace Tradeguard.Vault.Tests;

/// <summary>
/// Inputs an outside tester tried against the vault CLI (red-team session, 2026-12-07): each gets a clear error with a
/// documented exit code and leaves the vault as it was. Before: exit 0 with the value silently changed, exit 70 with a
/// byte of the audit key in the message, or a deleted audit key that locked every later command.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    private string VaultPath => _home.Combine("vault.tgv");

    private Dictionary<string, string?> Env() => TestVaults.CliEnvironment(_home.Path);

    private ProcessResult Cli(string? stdin, params string[] args) => TradeguardCli.Run(args, stdin, Env());

    /// <summary>Pipes raw bytes (octal escapes of POSIX printf) into the CLI, as `printf … | tradeguard …` does.</summary>
    private ProcessResult CliWithBytes(string printfOctal, params string[] args) => ChildProcess.Run("/bin/sh",
        ["-c", $"printf '{printfOctal}' | \"$0\" \"$@\"", .. TradeguardCli.Command, .. args], null, Env());

    public static TheoryData<string[], string> InternalItemCommands => new()
    {
        { ["vault", "rm", "tradeguard", "audit_key"], "removed" },
        { ["vault", "get", "tradeguard", "audit_key", "--reveal"], "shown" },
        { ["vault", "get", "tradeguard", "totp_key"], "shown" },
        { ["vault", "mv", "tradeguard/audit_key", "mine/key"], "moved" },
        { ["vault", "cp", "tradeguard/audit_key", "mine/key"], "copied" },
        { ["vault", "cp", "binance/api_key", "tradeguard/audit_key", "--force"], "overwritten" },
        { ["exec", "--env", "A=vault://tradeguard/audit_key", "--", "/usr/bin/printenv", "A"], "passed to a program (as A)" },
        { ["exec", "--item", "tradeguard", "--", "/bin/true"], "" },
    };

    [Theory]
    [MemberData(nameof(InternalItemCommands))]
    public void TradeguardsOwnItem_IsRefused_WithExit2_AndTheVaultIsUnchanged(string[] command, string use)
    {
        // Made by the CLI once, then copied: `vault init` and one entry to copy over the audit key.
        HomeTemplate.CopyTo("vault-with-binance-key", home =>
        {
            TestVaults.InitHome(home);
            Assert.Equal(0, TradeguardCli.Run(["vault", "set", "binance", "api_key"], "sk-live-0123456789abcdef\n",
                TestVaults.CliEnvironment(home)).ExitCode);
        }, _home.Path);
        var before = File.ReadAllBytes(VaultPath);

        var result = Cli(null, command);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("holds Tradeguard's own keys", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(use, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.AllOutput, StringComparison.Ordinal);
        // Byte-identical: the audit key is where it was, so every later command still works.
        Assert.Equal(before, File.ReadAllBytes(VaultPath));
    }

    [Fact]
    public void SettingAnEntryOfTradeguardsOwnItem_IsRefused()
    {
        TestVaults.InitHome(_home.Path);
        var result = Cli("not a key\n", "vault", "set", "tradeguard", "audit_key");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("vault://tradeguard/audit_key cannot be changed", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Cli(null, "audit", "verify").ExitCode);
    }

    [Fact]
    public void ImportingIntoTradeguardsOwnItem_IsRefused()
    {
        TestVaults.InitHome(_home.Path);
        var ini = _home.Combine("config.ini");
        File.WriteAllText(ini, "[tradeguard]\naudit_key = 00112233445566778899aabbccddeeff\n");
        var result = Cli(null, "vault", "import", ini);
        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("cannot be written by an import", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Cli(null, "audit", "verify").ExitCode);
    }

    [Fact]
    public void NonUtf8Stdin_IsRefusedWithExit4_NotStoredWithReplacementCharacters()
    {
        TestVaults.InitHome(_home.Path);
        var before = File.ReadAllBytes(VaultPath);

        var result = CliWithBytes(@"\267\377\000abc", "vault", "set", "x", "bin");

        Assert.True(result.ExitCode == 4, result.AllOutput);
        Assert.Contains("standard input is not UTF-8 text; nothing was changed", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("B7", result.AllOutput, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(VaultPath));
    }

    [Fact]
    public void Utf8Stdin_WithANulByte_IsStoredExactly_ButExecRefusesToCutIt()
    {
        TestVaults.InitHome(_home.Path);
        Assert.Equal(0, CliWithBytes(@"ab\000cd", "vault", "set", "x", "nul").ExitCode);
        Assert.Equal("ab\0cd\n", Cli(null, "vault", "get", "x", "nul", "--reveal").Stdout);

        var exec = Cli(null, "exec", "--env", "V=vault://x/nul", "--", "/usr/bin/printenv", "V");

        Assert.True(exec.ExitCode == 5, exec.AllOutput);
        Assert.Contains("V: vault://x/nul holds a NUL byte, which an environment variable cannot carry", exec.Stderr, StringComparison.Ordinal);
        Assert.Equal("", exec.Stdout);
    }

    [Fact]
    public void AValueOverOneMebibyte_IsRefusedWithExit2()
    {
        TestVaults.InitHome(_home.Path);
        var result = Cli(new string('k', (1 << 20) + 1), "vault", "set", "big", "value");
        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("vault://big/value: the value is 1048577 bytes, more than the 1 MiB", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Cli(new string('k', 1 << 20), "vault", "set", "big", "value").ExitCode);
    }

    [Fact]
    public void EnvFileThatIsAFolder_IsNamedAsAFolder()
    {
        TestVaults.InitHome(_home.Path);
        Directory.CreateDirectory(_home.Combine("env.d"));
        var result = Cli(null, "exec", "--env-file", _home.Combine("env.d"), "--", "/bin/true");
        Assert.True(result.ExitCode == 5, result.AllOutput);
        Assert.Contains("it is a folder, not a file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RevealingABinaryValue_IsAnError_ThatDoesNotQuoteItsBytes()
    {
        using var secret = Secret.FromBytes([0x41, 0xB7, 0xFF]);
        var e = Assert.Throws<TradeguardException>(() => secret.Reveal());
        Assert.Equal(ExitCode.IntegrityFailure, e.ExitCode);
        Assert.DoesNotContain("B7", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"Format\": 7}")]
    [InlineData("{\"Version\": \"x\"}")]
    public void DamagedJsonStateFile_IsDescribedByPosition_NotByDotnetTypeNames(string content)
    {
        var path = _home.Combine("state.json");
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var e = Assert.Throws<TradeguardException>(() =>
            PrivateJsonFile.Read(path, "test state file", StateShapeInfo, why => new TradeguardException(ExitCode.IntegrityFailure, why)));

        Assert.StartsWith("it is not valid test state file (at line 1, byte ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("StateShape", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Tradeguard.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonStateFileThatIsAFolder_IsRefused_NotTakenForNoFileYet()
    {
        Directory.CreateDirectory(_home.Combine("state.json"));
        var e = Assert.Throws<TradeguardException>(() =>
            PrivateJsonFile.Read(_home.Combine("state.json"), "test state file", StateShapeInfo, why => new TradeguardException(ExitCode.IntegrityFailure, why)));
        Assert.Equal(ExitCode.Configuration, e.ExitCode);
        Assert.Contains("it is a folder, not a file", e.Message, StringComparison.Ordinal);
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<StateShape> StateShapeInfo =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<StateShape>)System.Text.Json.JsonSerializerOptions.Default.GetTypeInfo(typeof(StateShape));

    private sealed record StateShape(string Format, int Version);
}
