using Tradeguard.TestSupport;

namespace Tradeguard.Vault.Tests;

/// <summary><c>vault import</c> through the real CLI.</summary>
public sealed class ImportCliTests : IDisposable
{
    private readonly TempFolder _home = new();

    public ImportCliTests()
    {
        TestVaults.Create(Path.Combine(_home.Path, "vault.tgv")).Dispose();
    }

    public void Dispose() => _home.Dispose();

    private ProcessResult Cli(params string[] args) => TradeguardCli.Run(args, null, TestVaults.CliEnvironment(_home.Path), workingDirectory: _home.Path);

    [Fact]
    public void ConfigIni_SectionsBecomeItems_DefaultsAreInherited_AndGitTrackedFilesAreListed()
    {
        var repo = Path.Combine(_home.Path, "bot");
        Directory.CreateDirectory(repo);
        var ini = Path.Combine(repo, "config.ini");
        File.WriteAllText(ini, "[DEFAULT]\nrecv_window = 5000\n\n[binance]\nAPI_KEY = ini-key-0123456789\napi_secret: ini-secret-%(recv_window)s\n");
        Assert.Equal(0, ChildProcess.Run("git", ["init", "-q"], workingDirectory: repo).ExitCode);
        Assert.Equal(0, ChildProcess.Run("git", ["add", "config.ini"], workingDirectory: repo).ExitCode);

        var result = Cli("vault", "import", ini, "--keep");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[binance] api_key", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("-> vault://binance/api_secret", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("git still tracks", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("git rm --cached config.ini", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("ini-key-0123456789", result.AllOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(ini));

        using var vault = TestVaults.Open(Path.Combine(_home.Path, "vault.tgv"));
        Assert.Equal("ini-key-0123456789", vault.Get("binance", "api_key"));
        Assert.Equal("ini-secret-5000", vault.Get("binance", "api_secret"));
        Assert.Equal("5000", vault.Get("binance", "recv_window"));
    }

    [Fact]
    public void DotenvWithABadLine_IsRejectedWithItsLineNumber_AndNothingIsImported()
    {
        var env = Path.Combine(_home.Path, "bad.env");
        File.WriteAllText(env, "GOOD=value-one\n\nBAD KEY=2\n");
        var result = Cli("vault", "import", env, "--delete");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("bad.env line 3:", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(env));
        using var vault = TestVaults.Open(Path.Combine(_home.Path, "vault.tgv"));
        Assert.Empty(vault.List());
    }

    [Fact]
    public void Delete_OverwritesAndRemovesThePlaintext()
    {
        var env = Path.Combine(_home.Path, ".env");
        File.WriteAllText(env, "export BINANCE_API_KEY='env-key-0123456789'\n");
        var result = Cli("vault", "import", env, "--item", "binance", "--delete");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Overwrote and deleted", result.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(env));
        using var vault = TestVaults.Open(Path.Combine(_home.Path, "vault.tgv"));
        Assert.Equal("env-key-0123456789", vault.Get("binance", "BINANCE_API_KEY"));
    }

    [Fact]
    public void Map_PutsDotenvKeysOnTheNamesTheProductReads_AndTheReminderNamesTheFile()
    {
        var env = Path.Combine(_home.Path, ".env");
        File.WriteAllText(env, "BINANCE_API_KEY=env-key-0123456789\nTELEGRAM_TOKEN=123456:AAbbCCddEEffGGhh\nOTHER=kept-where-it-was\n");

        var result = Cli("vault", "import", env, "--keep", "--map", "BINANCE_API_KEY=binance/api_key", "--map", "TELEGRAM_TOKEN=telegram/bot_token");

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains($"Kept {env}: it still holds the secrets in clear. Delete it once your bot reads them from the vault: shred -u {env}\n",
            result.Stdout, StringComparison.Ordinal);
        using var vault = TestVaults.Open(Path.Combine(_home.Path, "vault.tgv"));
        Assert.Equal("env-key-0123456789", vault.Get("binance", "api_key"));
        Assert.Equal("123456:AAbbCCddEEffGGhh", vault.Get("telegram", "bot_token"));
        Assert.Equal("kept-where-it-was", vault.Get("env", "OTHER"));
        Assert.Null(vault.Get("env", "BINANCE_API_KEY"));
    }

    [Fact]
    public void Map_OfAKeyTheFileDoesNotHave_IsRefused_AndNothingIsImported()
    {
        var env = Path.Combine(_home.Path, ".env");
        File.WriteAllText(env, "BINANCE_API_KEY=env-key-0123456789\n");

        var result = Cli("vault", "import", env, "--keep", "--map", "BINANCE_APIKEY=binance/api_key");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--map names BINANCE_APIKEY, which .env does not have", result.Stderr, StringComparison.Ordinal);
        using var vault = TestVaults.Open(Path.Combine(_home.Path, "vault.tgv"));
        Assert.Empty(vault.List());
    }

    [Fact]
    public void AFileOfReferencesOnly_IsNotImported_NorTreatedAsExposedSecrets()
    {
        var env = Path.Combine(_home.Path, "bot.env");
        File.WriteAllText(env, "BINANCE_API_KEY=vault://binance/api_key\n");
        File.SetUnixFileMode(env, (UnixFileMode)0b110_100_100);

        var result = Cli("vault", "import", env, "--keep");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("holds only vault:// references", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("rotate", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_OverADifferentStoredValue_IsRefusedWithoutReplace_AndNothingIsLost()
    {
        var first = Path.Combine(_home.Path, "first.env");
        File.WriteAllText(first, "BINANCE_API_KEY=first-key-0123456789\nOTHER=one\n");
        Assert.Equal(0, Cli("vault", "import", first, "--keep", "--map", "BINANCE_API_KEY=binance/api_key").ExitCode);

        var second = Path.Combine(_home.Path, "second.env");
        File.WriteAllText(second, "BINANCE_API_KEY=second-key-9876543210\nOTHER=one\nNEW=two\n");
        var refused = Cli("vault", "import", second, "--keep", "--map", "BINANCE_API_KEY=binance/api_key");
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("vault://binance/api_key already holds a different value in the vault; nothing was imported. Import with --replace",
            refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("second-key", refused.AllOutput, StringComparison.Ordinal);
        using (var vault = TestVaults.Open(Path.Combine(_home.Path, "vault.tgv")))
        {
            Assert.Equal("first-key-0123456789", vault.Get("binance", "api_key"));
            Assert.Null(vault.Get("env", "NEW"));
        }

        // Re-importing equal values is no conflict; --replace overwrites and says which entries it replaced.
        Assert.Equal(0, Cli("vault", "import", first, "--keep", "--map", "BINANCE_API_KEY=binance/api_key").ExitCode);
        var replaced = Cli("vault", "import", second, "--keep", "--replace", "--map", "BINANCE_API_KEY=binance/api_key");
        Assert.True(replaced.ExitCode == 0, replaced.AllOutput);
        Assert.Contains("Replaced the earlier value of vault://binance/api_key (the previous vault is in ", replaced.Stdout, StringComparison.Ordinal);
        using (var vault = TestVaults.Open(Path.Combine(_home.Path, "vault.tgv")))
        {
            Assert.Equal("second-key-9876543210", vault.Get("binance", "api_key"));
            Assert.Equal("two", vault.Get("env", "NEW"));
        }
    }
}
