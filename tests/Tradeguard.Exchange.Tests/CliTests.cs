using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;

namespace Tradeguard.Exchange.Tests;

/// <summary>The real CLI, as a user runs it.</summary>
public sealed class CliTests
{
    private const string Password = "correct horse battery staple 42!";

    [Fact]
    public void ExchangeCheck_WithoutApiSecretInTheVault_NamesItAndConnectsToNothing()
    {
        using var home = new TempFolder();
        using var exchange = new ScriptedServer(new ScriptedResponse(200, """{"serverTime":1}"""));
        var env = new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = home.Path, ["TRADEGUARD_VAULT_PASSWORD"] = Password };
        Assert.Equal(0, TradeguardCli.Run(["vault", "init"], env: env).ExitCode);
        Assert.Equal(0, TradeguardCli.Run(["vault", "set", "binance", "api_key"], stdin: "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A\n", env: env).ExitCode);
        File.Copy(RepoPaths.Samples("sma-cross-orcl.json"), home.Combine("sma-cross-orcl.json"));
        File.SetUnixFileMode(home.Combine("sma-cross-orcl.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var config = home.Combine("exchange.json");
        File.WriteAllText(config, $$"""{ "mode": "paper", "exchange": "binance", "baseUrl": "{{exchange.BaseAddress}}", "symbol": "ORCL", "run": "sma-cross-orcl.json" }""");
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = TradeguardCli.Run(["exchange", "check", "--config", config], env: env);

        Assert.Equal(5, result.ExitCode);
        Assert.Equal("error: the vault has no vault://binance/api_secret, which binance needs to sign requests. Add it with: tradeguard vault set binance api_secret",
            result.Stderr.Trim());
        Assert.Empty(exchange.Requests);
    }
}
