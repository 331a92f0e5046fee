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
        Assert.Equal(0, TradeguardCli.Run(["vault", "init", "--kdf", "m=256,t=1,p=1"], env: env).ExitCode);
        Assert.Equal(0, TradeguardCli.Run(["vault", "set", "binance", "api_key"], stdin: "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A\n", env: env).ExitCode);
        File.Copy(RepoPaths.Samples("sma-cross-orcl.json"), home.Combine("sma-cross-orcl.json"));
        File.SetUnixFileMode(home.Combine("sma-cross-orcl.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var config = home.Combine("exchange.json");
        File.WriteAllText(config, $$"""{ "mode": "paper", "exchange": "binance", "baseUrl": "{{exchange.BaseAddress}}", "symbol": "ORCL", "run": "sma-cross-orcl.json" }""");
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = TradeguardCli.Run(["exchange", "check", config], env: env);

        Assert.Equal(5, result.ExitCode);
        Assert.Equal("error: the vault has no vault://binance/api_secret, which binance needs to sign requests. Add it with: tradeguard vault set binance api_secret",
            result.Stderr.Trim());
        Assert.Empty(exchange.Requests);
    }

    [Fact]
    public async Task ExchangeCheck_AllowingAWithdrawalKey_QueuesASecurityAlert()
    {
        await using var sandbox = await SandboxHarness.StartAsync(withdrawals: true);
        using var home = new TempFolder();
        var env = ServiceTests.Installation(home, sandbox);
        ServiceTests.WritePrivate(home.Combine("alerts.json"), """{ "console": true }""");
        var config = ServiceTests.ExchangeConfig(home, sandbox.Server.BaseAddress);

        var check = TradeguardCli.Run(["exchange", "check", config, "--allow-withdrawal-keys"], env: env);
        // A one-shot command delivers console alerts at once (on stderr), so the outbox lists it as sent.
        var outbox = TradeguardCli.Run(["alerts", "list", "--state", "sent"], env: env);

        Assert.True(check.ExitCode == 0, check.Stderr);
        Assert.Contains("Exchange API key that can withdraw or transfer funds allowed", check.Stderr, StringComparison.Ordinal);
        var alert = Assert.Single(outbox.Stdout.Split('\n'), l => l.Contains("security.exchange_withdrawal_key_allowed", StringComparison.Ordinal) &&
            l.Contains("\tconsole:", StringComparison.Ordinal));
        Assert.Contains("Exchange API key that can withdraw or transfer funds allowed (--allow-withdrawal-keys): sandbox", alert, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Key.ApiKey, outbox.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCheck_WithAKeyTheExchangeDoesNotKnow_Exits3NamingTheVaultFields()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await using var other = await SandboxHarness.StartAsync();
        using var home = new TempFolder();
        var env = ServiceTests.Installation(home, other); // the other sandbox's key: unknown to this one (-2015, HTTP 401)
        var config = ServiceTests.ExchangeConfig(home, sandbox.Server.BaseAddress);

        var check = TradeguardCli.Run(["exchange", "check", config], env: env);

        Assert.Equal(3, check.ExitCode);
        Assert.Equal("error: GET /sapi/v1/account/apiRestrictions: the exchange does not accept the API key (-2015 Invalid API-key, IP, or permissions for action.); " +
            "check vault://sandbox/api_key and api_secret (tradeguard vault set sandbox api_key, then api_secret), and that the key is enabled and allows this machine's IP address",
            check.Stderr.Trim());
        var audit = TradeguardCli.Run(["audit", "show", "--all"], env: env).Stdout;
        Assert.Single(audit.Split('\n'), l => l.Contains("exchange.preflight", StringComparison.Ordinal) && l.Contains("denied", StringComparison.Ordinal));
    }
}
