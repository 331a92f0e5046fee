using System.Globalization;
using Tradeguard.Core.Errors;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Hosting;
using Tradeguard.Gateway.Policy;
using Tradeguard.Gateway.State;
using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests;

/// <summary>A restarted gateway still knows each bot's orders, positions and today's loss: its limits cannot be reset by a restart.</summary>
public sealed class LedgerPersistenceTests
{
    [Fact]
    public async Task Restart_KeepsPositionAndWorkingOrders_SoOwnershipAndCloseAllStillWork()
    {
        await using var h = await GatewayHarness.StartAsync(ledger: true, adminSocket: true);
        await BuyAndLearnFillAsync(h, "momentum", 2);
        var working = await h.OrderAsync("momentum", "BUY", "LIMIT", 1, price: 1);
        Assert.Equal("NEW", working.Json.GetProperty("status").GetString());
        h.Board.Pause("momentum", "cli");

        await h.RestartGatewayAsync();

        // The operator's pause holds across the restart: a restart is not a way for a bot to get back in.
        Assert.Equal(BotRunState.Paused, h.Board.StateOf("momentum"));
        Assert.Equal(BotRunState.Running, h.Board.StateOf("meanrev"));
        Assert.Contains("is paused by the operator", (await h.OrderAsync("momentum", "BUY", "MARKET", 1)).Message, StringComparison.Ordinal);

        Assert.Equal(2m, h.Desk.LedgerOf("momentum").Positions()["ORCL"]);
        Assert.Equal(1m, h.Desk.LedgerOf("momentum").Exposure("ORCL").WorkingBuys);
        var id = Id(working);
        Assert.Equal(-2011, (await h.SignedAsync("meanrev", HttpMethod.Delete, "/api/v3/order", [("symbol", "ORCL"), ("orderId", id)])).Code);
        Assert.Equal(200, (await h.SignedAsync("momentum", HttpMethod.Delete, "/api/v3/order", [("symbol", "ORCL"), ("orderId", id)])).Status);
        Assert.Contains("Market sell sent for ORCL", await h.Board.CloseAllAsync("momentum", "cli"), StringComparison.Ordinal);
        Assert.Equal(UnixSocket.OwnerOnly, File.GetUnixFileMode(h.Ledger!.Path));
    }

    [Fact]
    public async Task Restart_LearnsFillsThatHappenedWhileTheGatewayWasDown()
    {
        await using var h = await GatewayHarness.StartAsync(ledger: true);
        var buy = await h.OrderAsync("momentum", "BUY", "MARKET", 3);
        Assert.Equal("NEW", buy.Json.GetProperty("status").GetString());
        await h.App.StopAsync();
        h.Market.Advance(); // the sandbox fills the market order at the next bar's open, while no gateway runs

        await h.RestartGatewayAsync();

        var ledger = h.Desk.LedgerOf("momentum");
        const string Reconciled = "momentum: 1 working order(s) checked with the exchange, 1 fill(s) meanwhile";
        // The check logs its line after it has learnt the fill: wait for the line, not only for the fill.
        for (var i = 0; i < 200 && !h.Logs.Text.Contains(Reconciled, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(3m, ledger.Positions()["ORCL"]);
        Assert.Empty(ledger.WorkingOrders());
        Assert.Contains(h.Audit.Events, e => e.Action == "gateway.fill" && e.Target == "ORCL");
        Assert.Contains(h.Logs.Text.Split('\n'), l => l.Contains(Reconciled, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TodaysLoss_SurvivesARestart_SoTheDailyLossLimitStillRefuses()
    {
        await using var h = await GatewayHarness.StartAsync(ledger: true, botsJson: """
            [ { "name": "momentum", "symbols": ["ORCL"], "maxOrderNotional": 100000, "maxPosition": 1000, "maxDailyLoss": 0.01 },
              { "name": "meanrev", "symbols": ["ORCL"], "maxOrderNotional": 1000, "maxPosition": 20, "maxDailyLoss": 500 } ]
            """);
        await BuyAndLearnFillAsync(h, "momentum", 10);
        var sell = await h.OrderAsync("momentum", "SELL", "MARKET", 10);
        h.Market.Advance();
        await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/order", [("symbol", "ORCL"), ("orderId", Id(sell))]);
        var loss = h.Desk.LedgerOf("momentum").PnlToday();
        Assert.True(loss < -0.01m, $"the round trip made {loss}; the test needs a loss");

        await h.RestartGatewayAsync();

        Assert.Equal(BotRunState.Running, h.Board.StateOf("momentum")); // the kill switch itself lasts until a restart
        Assert.Equal(loss, h.Desk.LedgerOf("momentum").PnlToday());
        Assert.Equal((1, 0), h.Desk.LedgerOf("momentum").RoundTrips()); // one round trip, at a loss: no win
        var refused = await h.OrderAsync("momentum", "BUY", "MARKET", 1);
        Assert.True(refused.Status == 400, $"{refused.Status}: {refused.Body}");
        Assert.Equal(-2010, refused.Code);
        Assert.Contains("maxDailyLoss", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DamagedOrExposedLedgerFile_StopsTheStartWithExit5_AndIsNotRewritten()
    {
        await using var h = await GatewayHarness.StartAsync(ledger: true);
        foreach (var (content, expect) in new[]
                 {
                     ("{ not json", "is not valid gateway ledger file"),
                     ("""{ "format": "something-else/1", "upstream": "x", "ledgers": [] }""", "not a tradeguard-gateway-ledger/1 file"),
                     ("""{ "format": "tradeguard-gateway-ledger/1", "upstream": "x" }""", "is not valid gateway ledger file"),
                 })
        {
            File.WriteAllText(h.Ledger!.Path, content);
            File.SetUnixFileMode(h.Ledger.Path, UnixSocket.OwnerOnly);
            var e = Assert.Throws<TradeguardException>(() => GatewayHost.Build(h.NewParts()));
            Assert.Equal(ExitCode.Configuration, e.ExitCode);
            Assert.Contains(expect, e.Message, StringComparison.Ordinal);
            Assert.Equal(content, File.ReadAllText(h.Ledger.Path));
        }

        File.SetUnixFileMode(h.Ledger!.Path, UnixSocket.OwnerOnly | UnixFileMode.OtherRead);
        var exposed = Assert.Throws<TradeguardException>(() => GatewayHost.Build(h.NewParts()));
        Assert.Contains("accessible by group or others", exposed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LedgerSavedForAnotherExchange_IsNotTakenUp()
    {
        using var folder = new Tradeguard.TestSupport.TempFolder();
        var file = new LedgerFile(folder.Combine("ledger-paper.json"));
        var state = new BotLedgerState("momentum", [], [new HeldPosition("ORCL", 5, 500)], DateOnly.FromDateTime(DateTime.UtcNow), -3, 1);
        file.Save(new Uri("http://127.0.0.1:1111/"), [state]);

        var (same, sameUpstream) = file.Load(new Uri("http://127.0.0.1:1111/"));
        Assert.True(sameUpstream);
        Assert.Equal(state with { Orders = [], Positions = [] }, same.Single() with { Orders = [], Positions = [] });
        Assert.Equal(state.Positions, same.Single().Positions);
        Assert.False(file.Load(new Uri("http://127.0.0.1:2222/")).SameUpstream);
    }

    private static async Task BuyAndLearnFillAsync(GatewayHarness h, string bot, decimal quantity)
    {
        var buy = await h.OrderAsync(bot, "BUY", "MARKET", quantity);
        h.Market.Advance();
        var filled = await h.SignedAsync(bot, HttpMethod.Get, "/api/v3/order", [("symbol", "ORCL"), ("orderId", Id(buy))]);
        Assert.Equal("FILLED", filled.Json.GetProperty("status").GetString());
    }

    private static string Id(Answer order) => order.Json.GetProperty("orderId").GetInt64().ToString(CultureInfo.InvariantCulture);
}
