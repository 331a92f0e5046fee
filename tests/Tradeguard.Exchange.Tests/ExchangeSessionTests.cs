using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Config;
using Tradeguard.Exchange.Runner;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.Tests;

public sealed class ExchangeSessionTests
{
    [Fact]
    public async Task PreparedSession_RunsTheConfigsStrategyOnTheSandboxUntilMaxBars()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var folder = new TempFolder();
        var store = new InMemorySecretStore();
        var key = SandboxKeyring.Create(store, "sandbox", withdrawals: false);
        await using var server = await SandboxServer.StartAsync(sandbox.Market, SandboxKeyring.Of(key), logger: sandbox.Log);
        File.Copy(RepoPaths.Samples("sma-cross-orcl.json"), folder.Combine("sma-cross-orcl.json"));
        var config = Write(folder, $$"""{ "exchange": "sandbox", "baseUrl": "{{server.BaseAddress}}", "symbol": "ORCL", "run": "sma-cross-orcl.json", "startDate": "2000-01-01", "pollSeconds": 0.01 }""");
        for (var i = 0; i < 20; i++)
        {
            sandbox.Market.Advance();
        }

        using var session = await ExchangeSession.PrepareAsync(ExchangeRunConfig.Load(config), store, vaultPath: null, live: false,
            allowWithdrawalKeys: false, sandbox.Log);
        var events = new List<TradingEvent>();
        var runner = session.CreateRunner([new DelegateEventSink(events.Add)], logger: sandbox.Log, maxBars: 20);
        await runner.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TradingMode.Paper, session.Mode);
        Assert.Equal(20, runner.BarsSeen);
        Assert.Equal(TradingEventKind.RunStarted, events[0].Kind);
        Assert.Equal(TradingEventKind.RunFinished, events[^1].Kind);
        // All 20 candles had closed before the start: the run caught up in one poll, so nothing old was traded, and
        // the orders the strategy placed on old candles are one log line, not one rejected-order event each.
        Assert.Equal([TradingEventKind.RunStarted, TradingEventKind.RunFinished], events.Select(e => e.Kind));
        Assert.Empty(runner.Orders);
        Assert.Single(sandbox.Log.Lines, l => l.Contains("Caught up on 20 candles at once:", StringComparison.Ordinal) &&
            l.Contains("strategy order(s) on the older ones were not sent, because the market has moved on since they closed", StringComparison.Ordinal));
        Assert.Empty(sandbox.Market.OpenOrders());
        sandbox.AssertLogsHoldNoSecret();
        Assert.DoesNotContain(key.ApiSecret.Reveal(), sandbox.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_WithoutSymbol_IsRefusedNamingTheSetting()
    {
        using var folder = new TempFolder();
        var config = Write(folder, """{ "run": "x.json" }""");
        var error = Assert.Throws<TradeguardException>(() => ExchangeRunConfig.Load(config));
        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.Equal($"{config}: \"symbol\" is required, e.g. \"ORCL\" for the sandbox", error.Message);
    }

    [Fact]
    public void Config_WithAnUnknownSetting_IsRefused()
    {
        using var folder = new TempFolder();
        var config = Write(folder, """{ "symbol": "ORCL", "run": "x.json", "apiSecret": "oops" }""");
        var error = Assert.Throws<TradeguardException>(() => ExchangeRunConfig.Load(config));
        Assert.Contains("apiSecret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"strategy\": { \"name\": \"price-sma-cross\", \"direction\": \"short\" }", "strategy.direction")]
    [InlineData("\"strategy\": { \"name\": \"price-sma-cross\" }, \"broker\": { \"futures\": { \"margin\": 1000 } }", "broker.futures")]
    public async Task RunConfig_ThatSellsShortOrTradesFutures_IsRefusedBeforeAnyRequest(string settings, string setting)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("run.json"), "{ \"data\": { \"file\": \"bars.csv\" }, " + settings + " }");
        var config = Write(folder, """{ "exchange": "sandbox", "baseUrl": "http://127.0.0.1:9", "symbol": "ORCL", "run": "run.json" }""");

        var error = await Assert.ThrowsAsync<TradeguardException>(() => ExchangeSession.PrepareAsync(ExchangeRunConfig.Load(config), new InMemorySecretStore(),
            vaultPath: null, live: false, allowWithdrawalKeys: false));
        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.Equal($"{folder.Combine("run.json")}: {setting} is for backtests only: exchange runs trade spot, long only (leave out direction short/both and broker.futures)", error.Message);
    }

    [Fact]
    public async Task RunConfig_WithSeveralSymbols_IsRefusedBeforeAnyRequest()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("run.json"),
            "{ \"symbols\": [ { \"symbol\": \"ORCL\", \"file\": \"a.csv\" }, { \"symbol\": \"YHOO\", \"file\": \"b.csv\" } ], \"strategy\": { \"name\": \"price-sma-cross\" } }");
        var config = Write(folder, """{ "exchange": "sandbox", "baseUrl": "http://127.0.0.1:9", "symbol": "ORCL", "run": "run.json" }""");

        var error = await Assert.ThrowsAsync<TradeguardException>(() => ExchangeSession.PrepareAsync(ExchangeRunConfig.Load(config), new InMemorySecretStore(),
            vaultPath: null, live: false, allowWithdrawalKeys: false));
        Assert.Equal((ExitCode.Configuration, $"{folder.Combine("run.json")}: symbols is for backtests only: an exchange run trades one symbol (name its bars with data)"),
            (error.ExitCode, error.Message));
    }

    private static string Write(TempFolder folder, string json)
    {
        var path = folder.Combine("exchange.json");
        File.WriteAllText(path, json);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
