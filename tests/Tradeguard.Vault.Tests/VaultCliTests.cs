using Tradeguard.TestSupport;

namespace Tradeguard.Vault.Tests;

/// <summary>The real CLI as a child process, with TRADEGUARD_HOME in a temp folder and a cheap KDF.</summary>
public sealed class VaultCliTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    private Dictionary<string, string?> Env(string? password = TestVaults.Passphrase) => new()
    {
        ["TRADEGUARD_HOME"] = _home.Path,
        ["TRADEGUARD_VAULT"] = null,
        ["TRADEGUARD_VAULT_KEY"] = null,
        ["TRADEGUARD_VAULT_PASSWORD"] = password,
    };

    private ProcessResult Cli(string? stdin, params string[] args) => TradeguardCli.Run(args, stdin, Env());

    [Fact]
    public void InitSetGetList_WorkEndToEnd_AndOnlyRevealPrintsTheValue()
    {
        var init = Cli(null, "vault", "init", "--kdf", TestVaults.CheapKdfFlag);
        Assert.Equal(0, init.ExitCode);
        Assert.True(File.Exists(Path.Combine(_home.Path, "vault.tgv")));

        const string value = "sk-live-0123456789abcdefXYZ";
        var set = Cli(value + "\n", "vault", "set", "binance", "api_key");
        Assert.Equal(0, set.ExitCode);
        Assert.DoesNotContain(value, set.AllOutput, StringComparison.Ordinal);

        var masked = Cli(null, "vault", "get", "binance", "api_key");
        Assert.Equal(0, masked.ExitCode);
        Assert.Equal("vault://binance/api_key  sk-l…fXYZ\n", masked.Stdout);

        var reveal = Cli(null, "vault", "get", "binance", "api_key", "--reveal");
        Assert.Equal(0, reveal.ExitCode);
        Assert.Equal(value + "\n", reveal.Stdout);

        var list = Cli(null, "vault", "list");
        Assert.Equal(0, list.ExitCode);
        // Besides the operator's entry the vault holds only the audit log's key and checkpoint (item "tradeguard").
        var rows = list.Stdout.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^ITEM +FIELD +UPDATED \(UTC\)$", rows[0]);
        Assert.Single(rows, r => System.Text.RegularExpressions.Regex.IsMatch(r, @"^binance +api_key +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
        Assert.All(rows[1..].Where(r => !r.StartsWith("binance ", StringComparison.Ordinal)), r => Assert.StartsWith("tradeguard ", r));
    }

    [Fact]
    public void Set_StoresAMultiLinePemFromStdin_ByteForByte()
    {
        TestVaults.InitHome(_home.Path);
        const string pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----";
        Assert.Equal(0, Cli(pem + "\n", "vault", "set", "exchange", "pem").ExitCode);
        Assert.Equal(pem + "\n", Cli(null, "vault", "get", "exchange", "pem", "--reveal").Stdout);
    }

    [Fact]
    public void Set_RefusesAnEmptyValue_AndLeavesTheEntryAsItWas()
    {
        TestVaults.InitHome(_home.Path);
        Assert.Equal(0, Cli("123456:token\n", "vault", "set", "telegram", "bot_token").ExitCode);

        foreach (var empty in new[] { "", "\n" })
        {
            var set = Cli(empty, "vault", "set", "telegram", "bot_token");
            Assert.Equal(2, set.ExitCode);
            Assert.Contains("the value is empty; nothing was stored", set.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal("123456:token", Cli(null, "vault", "get", "telegram", "bot_token", "--reveal").Stdout.TrimEnd('\n'));
    }

    [Fact]
    public void Passwd_ReWrapsTheBackupToo_SoRecoverWorksWithTheNewPassphrase_AndTheOldOneOpensNeitherFile()
    {
        TestVaults.InitHome(_home.Path);
        Assert.Equal(0, Cli("first\n", "vault", "set", "binance", "api_key").ExitCode);
        Assert.Equal(0, Cli("second\n", "vault", "set", "binance", "api_key").ExitCode);
        const string NewPassphrase = "a different passphrase 2026";
        var env = Env();
        env["TRADEGUARD_VAULT_NEW_PASSWORD"] = NewPassphrase;
        Assert.Equal(0, TradeguardCli.Run(["vault", "passwd", "--kdf", TestVaults.CheapKdfFlag], null, env).ExitCode);

        var oldPassphrase = Env();
        foreach (var file in new[] { _home.Combine("vault.tgv"), _home.Combine("vault.tgv.bak") })
        {
            Assert.Equal(3, TradeguardCli.Run(["vault", "list", "--vault", file], null, oldPassphrase).ExitCode);
        }

        var withNew = Env(NewPassphrase);
        Assert.Equal(0, TradeguardCli.Run(["vault", "recover", "--from-backup"], null, withNew).ExitCode);
        Assert.Equal("second", TradeguardCli.Run(["vault", "get", "binance", "api_key", "--reveal"], null, withNew).Stdout.TrimEnd('\n'));
    }

    [Fact]
    public void WrongPassphrase_Exits3_DamagedFile_Exits4()
    {
        TestVaults.InitHome(_home.Path);
        var wrong = TradeguardCli.Run(["vault", "list"], null, Env("this is not it"));
        Assert.Equal(3, wrong.ExitCode);
        Assert.Contains("wrong passphrase", wrong.Stderr, StringComparison.Ordinal);

        var path = Path.Combine(_home.Path, "vault.tgv");
        var bytes = File.ReadAllBytes(path);
        bytes[0] ^= 0xff;
        File.WriteAllBytes(path, bytes);
        var damaged = Cli(null, "vault", "list");
        Assert.Equal(4, damaged.ExitCode);
        Assert.Contains("magic bytes", damaged.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_RefusesAShortPassphrase_WithExit1()
    {
        var result = TradeguardCli.Run(["vault", "init", "--kdf", TestVaults.CheapKdfFlag], null, Env("short-pass"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least 12", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ExposedVault_IsRefusedWithExit5_AndTheChmodThatFixesIt()
    {
        TestVaults.InitHome(_home.Path);
        var path = Path.Combine(_home.Path, "vault.tgv");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var result = Cli(null, "vault", "list");
        Assert.Equal(5, result.ExitCode);
        Assert.Contains($"chmod 600 {path}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void VaultOption_AndEnvironmentVariable_ChooseTheFile()
    {
        var custom = Path.Combine(_home.Path, "custom.tgv");
        Assert.Equal(0, Cli(null, "vault", "init", "--vault", custom, "--kdf", TestVaults.CheapKdfFlag).ExitCode);
        Assert.True(File.Exists(custom));
        var env = Env();
        env["TRADEGUARD_VAULT"] = custom;
        Assert.Equal(0, TradeguardCli.Run(["vault", "set", "a", "b"], "value-for-custom", env).ExitCode);
        Assert.Equal("value-for-custom\n", Cli(null, "vault", "get", "a", "b", "--reveal", "--vault", custom).Stdout);
    }

    [Fact]
    public void KeyFileSlot_AddedAfterInit_UnlocksWithoutThePassphrase_AndAWrongKeyIsExit3()
    {
        TestVaults.InitHome(_home.Path);
        Assert.Equal(0, Cli("value-behind-key-file", "vault", "set", "svc", "token").ExitCode);
        var keyFile = Path.Combine(_home.Path, "svc.key");
        Assert.Equal(0, Cli(null, "vault", "add-key-file", keyFile).ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

        var byFile = TradeguardCli.Run(["vault", "get", "svc", "token", "--reveal", "--key-file", keyFile], null, Env(password: null));
        Assert.Equal("value-behind-key-file\n", byFile.Stdout);
        var byEnv = Env(password: null);
        byEnv["TRADEGUARD_VAULT_KEY"] = File.ReadAllText(keyFile).Trim();
        Assert.Equal("value-behind-key-file\n", TradeguardCli.Run(["vault", "get", "svc", "token", "--reveal"], null, byEnv).Stdout);

        byEnv["TRADEGUARD_VAULT_KEY"] = Convert.ToBase64String(new byte[32]);
        var wrong = TradeguardCli.Run(["vault", "list"], null, byEnv);
        Assert.Equal(3, wrong.ExitCode);
        Assert.Contains("wrong key", wrong.Stderr, StringComparison.Ordinal);
    }
}
