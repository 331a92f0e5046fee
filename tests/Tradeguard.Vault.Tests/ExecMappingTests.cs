using Tradeguard.Core.Secrets;
using Tradeguard.TestSupport;
using Tradeguard.Vault.Exec;

namespace Tradeguard.Vault.Tests;

/// <summary>What <c>exec</c> maps: whole items under a documented name rule, a warning when nothing is mapped, and an
/// env file of references only that needs no private mode.</summary>
public sealed class ExecMappingTests : IDisposable
{
    private readonly TempFolder _home = new();

    public ExecMappingTests()
    {
        using var vault = TestVaults.Create(Path.Combine(_home.Path, "vault.tgv"));
        vault.Set("binance", "api_key", "key-1234567890abcdef");
        vault.Set("binance", "api_secret", "secret-1234567890abcdef");
    }

    public void Dispose() => _home.Dispose();

    private ProcessResult Cli(params string[] args) => TradeguardCli.Run(args, null, TestVaults.CliEnvironment(_home.Path));

    [Theory]
    [InlineData("binance", "api_key", "BINANCE_API_KEY")]
    [InlineData("my-bot", "api.secret", "MY_BOT_API_SECRET")]
    [InlineData("2fa", "seed", "_2FA_SEED")]
    public void VariableName_FollowsTheDocumentedRule(string item, string field, string expected) =>
        Assert.Equal(expected, ItemMappings.VariableName(new SecretReference(item, field)));

    [Fact]
    public void Item_ExposesEveryFieldOfTheItem()
    {
        var result = Cli("exec", "--item", "binance", "--", "sh", "-c", "printf '%s|%s' \"$BINANCE_API_KEY\" \"$BINANCE_API_SECRET\"");

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Equal("key-1234567890abcdef|secret-1234567890abcdef", result.Stdout);
    }

    [Fact]
    public void Item_Tradeguard_IsRefused()
    {
        var result = Cli("exec", "--item", "tradeguard", "--", "true");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Tradeguard's own keys", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingMapped_Warns()
    {
        var result = Cli("exec", "--", "true");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("warning: nothing is mapped, so the program gets no secret from the vault. Add --item ITEM, --env NAME=vault://item/field, --env-file FILE or --bot NAME.\n",
            result.Stderr);
    }

    [Fact]
    public void AnEnvFileOfReferencesOnly_MayBeReadableByOthers_OneWithALiteralMayNot()
    {
        var references = _home.Combine("bot.env");
        File.WriteAllText(references, "BINANCE_API_KEY=vault://binance/api_key\n");
        File.SetUnixFileMode(references, (UnixFileMode)0b110_100_100);

        var ok = Cli("exec", "--env-file", references, "--", "sh", "-c", "printf %s \"$BINANCE_API_KEY\"");
        Assert.True(ok.ExitCode == 0, ok.AllOutput);
        Assert.Equal("key-1234567890abcdef", ok.Stdout);
        Assert.Empty(ok.Stderr);

        File.AppendAllText(references, "PASTED=sk-live-abcdef0123456789\n");
        var refused = Cli("exec", "--env-file", references, "--", "true");
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("chmod 600", refused.Stderr, StringComparison.Ordinal);
    }
}
