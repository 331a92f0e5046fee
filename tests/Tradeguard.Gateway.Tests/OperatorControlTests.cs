using Tradeguard.Cli.Composition;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Journal;
using Tradeguard.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Tradeguard.Gateway.Tests;

/// <summary>Pause, resume, stop and close-all act at the gateway on one bot or all, whatever the bot does.</summary>
public sealed class OperatorControlTests
{
    [Fact]
    public async Task PausedBot_IsRefusedWithAClearError_OthersTrade_ResumeLiftsIt()
    {
        await using var h = await GatewayHarness.StartAsync();
        using var feed = h.Board.Subscribe("momentum");
        Assert.StartsWith("Paused momentum", h.Board.Pause("momentum", "telegram:alice"), StringComparison.Ordinal);

        var refused = await h.OrderAsync("momentum", "BUY", "MARKET", 1);
        Assert.Equal((400, -2010), (refused.Status, refused.Code));
        Assert.Equal("Tradeguard gateway: bot momentum is paused by the operator; no new orders are accepted.", refused.Message);
        Assert.Equal(200, (await h.OrderAsync("meanrev", "BUY", "MARKET", 1)).Status);

        h.Board.Resume(null, "cli");
        Assert.Equal(200, (await h.OrderAsync("momentum", "BUY", "MARKET", 1)).Status);
        Assert.True(feed.Reader.TryRead(out var pause));
        Assert.Equal((OperatorCommandKind.Pause, "momentum", "telegram:alice"), (pause.Kind, pause.Bot, pause.Source));
        Assert.True(feed.Reader.TryRead(out var resume));
        Assert.Equal(("resume", "momentum"), (resume.Name, resume.Bot));
        Assert.False(feed.Reader.TryRead(out _)); // meanrev's commands are not momentum's
    }

    [Fact]
    public async Task Stop_CancelsWorkingOrders_RefusesNewOnes_AndResumeDoesNotLiftIt()
    {
        await using var h = await GatewayHarness.StartAsync();
        var limit = await h.OrderAsync("momentum", "BUY", "LIMIT", 1, Math.Round(h.LastClose / 2, 2));
        Assert.Equal(200, limit.Status);

        var result = await h.Board.StopAsync("momentum", "telegram:alice");
        Assert.Contains("Kill switch engaged on momentum", result, StringComparison.Ordinal);
        Assert.Contains("1 of 1 working order(s) cancelled", result, StringComparison.Ordinal);
        Assert.Empty(h.Market.OpenOrders());

        var posts = h.Upstream.Sent.Count(s => s.Method == "POST");
        Assert.Equal(-2010, (await h.OrderAsync("momentum", "BUY", "MARKET", 1)).Code);
        Assert.Contains("Stopped (kill switch) and left so: momentum", h.Board.Resume(null, "cli"), StringComparison.Ordinal);
        Assert.Contains("stopped (kill switch)", (await h.OrderAsync("momentum", "BUY", "MARKET", 1)).Message, StringComparison.Ordinal);
        Assert.Equal(posts, h.Upstream.Sent.Count(s => s.Method == "POST"));
    }

    [Fact]
    public async Task CloseAll_SellsThePositionTheGatewaySaw_AndAlertsTheFill()
    {
        await using var h = await GatewayHarness.StartAsync();
        var buy = await h.OrderAsync("momentum", "BUY", "MARKET", 2);
        h.Market.Advance();
        var id = buy.Json.GetProperty("orderId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var filled = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/order", [("symbol", "ORCL"), ("orderId", id)]);
        Assert.Equal("FILLED", filled.Json.GetProperty("status").GetString());
        Assert.Equal(2m, h.Desk.LedgerOf("momentum").Positions()["ORCL"]);

        var result = await h.Board.CloseAllAsync("momentum", "cli");
        Assert.Contains("Market sell sent for ORCL", result, StringComparison.Ordinal);
        Assert.Equal(BotRunState.Paused, h.Board.StateOf("momentum"));
        h.Market.Advance();
        Assert.Equal((0m, 0m, 0m), h.Market.Balances() is var (_, free, locked) ? (free, locked, 0m) : default);
    }

    [Fact]
    public async Task DailyLossReached_EngagesTheKillSwitch()
    {
        await using var h = await GatewayHarness.StartAsync(botsJson: """
            [ { "name": "momentum", "symbols": ["ORCL"], "maxOrderNotional": 100000, "maxPosition": 1000, "maxDailyLoss": 0.01 },
              { "name": "meanrev", "symbols": ["ORCL"], "maxOrderNotional": 1000, "maxPosition": 20, "maxDailyLoss": 500 } ]
            """);
        // Buy, then sell after a bar: with the sample's commission and slippage the round trip loses more than 0.01.
        var buy = await h.OrderAsync("momentum", "BUY", "MARKET", 10);
        h.Market.Advance();
        await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/openOrders", [("symbol", "ORCL")]);
        await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/order", [("symbol", "ORCL"), ("orderId", buy.Json.GetProperty("orderId").ToString())]);
        var sell = await h.OrderAsync("momentum", "SELL", "MARKET", 10);
        h.Market.Advance();
        await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/order", [("symbol", "ORCL"), ("orderId", sell.Json.GetProperty("orderId").ToString())]);

        var pnl = h.Desk.LedgerOf("momentum").PnlToday();
        if (pnl > -0.01m)
        {
            Assert.Fail($"the round trip made {pnl}; the test needs a loss");
        }

        Assert.Equal(BotRunState.Stopped, h.Board.StateOf("momentum"));
        Assert.Contains(h.Audit.Events, e => e.Action == "engine.kill_switch" && e.Target == "momentum" && e.Reason.Contains("maxDailyLoss", StringComparison.Ordinal));
        Assert.Contains(h.OutboxTexts(), t => t.StartsWith("[security] Kill switch engaged: momentum", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminSocket_NeedsTheVaultsToken_AndActsOnOneBot()
    {
        await using var h = await GatewayHarness.StartAsync(adminSocket: true);
        using (var token = h.Vault.TryGet(AdminToken.Reference)!)
        using (var client = new AdminClient(h.Config.AdminSocketPath, token))
        {
            Assert.StartsWith("Paused meanrev", await client.SendAsync("pause", "meanrev"), StringComparison.Ordinal);
            var status = await client.StatusAsync();
            Assert.Equal("paper", status.Mode);
            Assert.Equal([("meanrev", BotRunState.Paused), ("momentum", BotRunState.Running)], status.Bots.Select(b => (b.Bot, b.State)).ToArray());
            var unknown = await Assert.ThrowsAsync<TradeguardException>(() => client.SendAsync("stop", "nobody"));
            Assert.Equal(ExitCode.Usage, unknown.ExitCode);
        }

        Assert.Equal(Hosting.UnixSocket.OwnerOnly, File.GetUnixFileMode(h.Config.AdminSocketPath));
        using var wrong = Core.Secrets.Secret.FromString(new string('0', 64));
        using var intruder = new AdminClient(h.Config.AdminSocketPath, wrong);
        var refused = await Assert.ThrowsAsync<TradeguardException>(() => intruder.SendAsync("resume", "meanrev"));
        Assert.Equal(ExitCode.AuthenticationFailed, refused.ExitCode);
        Assert.Equal(BotRunState.Paused, h.Board.StateOf("meanrev"));
        Assert.Contains(h.Audit.Events, e => e.Action == "gateway.admin_auth" && e.Actor == "admin-socket" && e.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task AdminSocketRevoke_RefusesThatBotsKeyAtOnce_OthersTrade()
    {
        await using var h = await GatewayHarness.StartAsync(adminSocket: true);
        Assert.Equal(200, (await h.OrderAsync("meanrev", "BUY", "MARKET", 1)).Status);
        using (var token = h.Vault.TryGet(AdminToken.Reference)!)
        using (var client = new AdminClient(h.Config.AdminSocketPath, token))
        {
            Assert.Equal("Revoked the key of bot meanrev: the gateway refuses it from now on.", await client.SendAsync("revoke", "meanrev"));
            var again = await Assert.ThrowsAsync<TradeguardException>(() => client.SendAsync("revoke", "meanrev"));
            Assert.Equal("the gateway refused: the gateway holds no key for bot meanrev", again.Message);
            var noBot = await Assert.ThrowsAsync<TradeguardException>(() => client.SendAsync("revoke", null));
            Assert.Equal(ExitCode.Usage, noBot.ExitCode);
        }

        var refused = await h.OrderAsync("meanrev", "BUY", "MARKET", 1);
        Assert.Equal((401, -2015), (refused.Status, refused.Code));
        Assert.Equal(200, (await h.OrderAsync("momentum", "BUY", "MARKET", 1)).Status);
        Assert.Contains(h.Audit.Events, e => e.Action == "gateway.control" && e.Target == "/revoke meanrev");
        Assert.Contains(h.Audit.Events, e => e.Action == "gateway.auth" && e.Outcome == AuditOutcome.Denied && e.Details?.GetValueOrDefault("code") == "-2015");
    }

    [Fact]
    public async Task TelegramEnginePort_ActsOnOneBotOrAll_AndReportsEachBot()
    {
        await using var h = await GatewayHarness.StartAsync();
        var engine = new GatewayEngine(h.Board, h.Desk, h.App.Services.GetRequiredService<GatewayJournal>(), TimeSpan.FromSeconds(20));
        h.Board.ReportStatus("momentum", "waiting for a cross\nsecond line");
        Telegram.Ports.IEngineControl port = engine;

        Assert.StartsWith("Paused momentum", port.Pause("momentum"), StringComparison.Ordinal);
        Assert.Contains("no bot named 'nobody'", port.Stop("nobody"), StringComparison.Ordinal);
        var status = port.Status();
        Assert.Equal("Gateway: 1 of 2 bot(s) running", status.Title);
        Assert.Equal(["meanrev · running", "momentum · paused · waiting for a cross second line"], status.Lines.Select(l => l.Text).ToArray());
        Assert.Contains("Kill switch engaged on meanrev, momentum", port.Stop(), StringComparison.Ordinal);
        Assert.All(h.Board.Status(), s => Assert.Equal(BotRunState.Stopped, s.State));
    }
}
