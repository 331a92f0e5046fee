using System.Text.Json;
using Tradeguard.Gateway.Policy;
using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests.Limits;

/// <summary>
/// Orders whose outcome the gateway did not learn (no answer, a 5xx) are asked about by the gateway's own client id and
/// settled or released; they are kept in the ledger file meanwhile. Bots keep seeing their own client ids.
/// </summary>
public sealed class UnknownOutcomeTests
{
    private static async Task<(GatewayHarness H, LossyUpstream Loss)> StartAsync(TimeSpan fillCheck, bool ledger = false)
    {
        LossyUpstream? loss = null;
        var h = await GatewayHarness.StartAsync(p =>
        {
            loss ??= new LossyUpstream(p.UpstreamHandler!);
            return p with { UpstreamHandler = loss, FillCheckInterval = fillCheck };
        }, ledger: ledger);
        return (h, loss!);
    }

    private static Task<Answer> LimitBuyAsync(GatewayHarness h, string clientId, int recvWindowMs = 60000) =>
        h.SignedAsync("momentum", HttpMethod.Post, "/api/v3/order",
            [("symbol", "ORCL"), ("side", "BUY"), ("type", "LIMIT"), ("timeInForce", "GTC"), ("quantity", "4"), ("price", "1"), ("newClientOrderId", clientId)],
            inBody: true, recvWindowMs: recvWindowMs);

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 200 && !done(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(done(), "not reached within 10 s");
    }

    [Fact]
    public async Task TheExchangeGetsTheGatewaysClientId_AndTheBotItsOwn()
    {
        var (h, _) = await StartAsync(TimeSpan.FromHours(1));
        await using var _h = h;

        var placed = await LimitBuyAsync(h, "my-order-1");

        Assert.Equal(200, placed.Status);
        Assert.Equal("my-order-1", placed.Json.GetProperty("clientOrderId").GetString());
        var orderId = placed.Json.GetProperty("orderId").GetInt64();
        var atExchange = h.Market.ClientOrderId(orderId);
        Assert.StartsWith(ClientOrderIds.Prefix, atExchange, StringComparison.Ordinal);
        Assert.Equal(26, atExchange.Length);
        var sent = Assert.Single(h.Upstream.Sent, s => s.Method == "POST");
        Assert.Contains("newClientOrderId=" + atExchange, sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("my-order-1", sent.Body, StringComparison.Ordinal);

        // The bot's own id names the order for it: query (sent upstream by orderId), open orders, cancel.
        var queried = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/order", [("symbol", "ORCL"), ("origClientOrderId", "my-order-1")]);
        Assert.Equal((200, orderId, "my-order-1"), (queried.Status, queried.Json.GetProperty("orderId").GetInt64(), queried.Json.GetProperty("clientOrderId").GetString()));
        var open = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/openOrders", [("symbol", "ORCL")]);
        Assert.Equal("my-order-1", Assert.Single(open.Json.EnumerateArray()).GetProperty("clientOrderId").GetString());
        var cancelled = await h.SignedAsync("momentum", HttpMethod.Delete, "/api/v3/order", [("symbol", "ORCL"), ("origClientOrderId", "my-order-1")]);
        Assert.Equal((200, "CANCELED"), (cancelled.Status, cancelled.Json.GetProperty("status").GetString()));

        // Another bot cannot name momentum's order by its client id.
        var foreign = await h.SignedAsync("meanrev", HttpMethod.Get, "/api/v3/order", [("symbol", "ORCL"), ("origClientOrderId", "my-order-1")]);
        Assert.Equal((400, -2013), (foreign.Status, foreign.Code));
    }

    [Fact]
    public async Task ABotClientIdOutsideBinancesRange_IsRefused()
    {
        var (h, _) = await StartAsync(TimeSpan.FromHours(1));
        await using var _h = h;

        var refused = await LimitBuyAsync(h, "has space");

        // The range Binance names in its -1100 answer for newClientOrderId (binance-spot-api-docs errors.md, -1100).
        Assert.Equal((400, -1100), (refused.Status, refused.Code));
        Assert.Equal(@"Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\.A-Z\:/a-z0-9_-]{1,36}$'.", refused.Message);
        Assert.DoesNotContain(h.Upstream.Sent, s => s.Method == "POST");
    }

    [Fact]
    public async Task AnOrderWhoseAnswerWasLost_IsSettledByTheFillWatcher_AndAResendIsRefused()
    {
        var (h, loss) = await StartAsync(TimeSpan.FromMilliseconds(100));
        await using var _h = h;
        loss.Mode = LossyUpstream.Loss.AnswerLost;

        var lost = await LimitBuyAsync(h, "resend-me");

        Assert.Equal((503, -1007), (lost.Status, lost.Code));
        var ledger = h.Desk.LedgerOf("momentum");
        // Binance refuses a client id already used by an open order; the gateway refuses the bot's resend the same way.
        var resend = await LimitBuyAsync(h, "resend-me");
        Assert.Equal((400, -2010, "Duplicate order sent."), (resend.Status, resend.Code, resend.Message));
        Assert.Single(h.Upstream.Sent, s => s.Method == "POST");

        await WaitUntilAsync(() => ledger.UnknownOutcomes().Count == 0);
        var order = Assert.Single(h.Market.OpenOrders());
        Assert.True(ledger.Owns("ORCL", order.Id));
        Assert.Equal("resend-me", ledger.BotClientOrderIdOf(new OrderKey("ORCL", order.Id)));
        Assert.Equal((0m, 4m, 0m), ledger.Exposure("ORCL")); // held once, now as the working order it is
        Assert.Contains(h.Upstream.Sent, s => s.Method == "GET" && s.Uri.Contains("origClientOrderId=" + h.Market.ClientOrderId(order.Id), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOrderTheExchangeNeverGot_IsReleasedOnceItsRecvWindowPassed()
    {
        var (h, loss) = await StartAsync(TimeSpan.FromMilliseconds(100));
        await using var _h = h;
        loss.Mode = LossyUpstream.Loss.NeverSent;
        var ledger = h.Desk.LedgerOf("momentum");

        var lost = await LimitBuyAsync(h, "never-there", recvWindowMs: 1500);
        var sentAt = DateTimeOffset.UtcNow;

        Assert.Equal(503, lost.Status);
        Assert.Equal(4m, ledger.Exposure("ORCL").WorkingBuys);
        await WaitUntilAsync(() => ledger.HeldReservations().Count == 0);
        Assert.True(DateTimeOffset.UtcNow - sentAt >= TimeSpan.FromSeconds(1), "released before the exchange could no longer place it");
        Assert.Equal((0m, 0m, 0m), ledger.Exposure("ORCL"));
        Assert.Empty(h.Market.OpenOrders());
        Assert.Contains(h.Audit.Events, e => e.Action == "gateway.order" && e.Reason == "the exchange never placed it; its quantity is no longer held");
    }

    [Fact]
    public async Task AnUnresolvedOrder_IsKeptInTheLedgerFile_AndResolvedAfterARestart()
    {
        var (h, loss) = await StartAsync(TimeSpan.FromHours(1), ledger: true);
        await using var _h = h;
        loss.Mode = LossyUpstream.Loss.AnswerLost;

        Assert.Equal(503, (await LimitBuyAsync(h, "across-restart")).Status);
        loss.Mode = LossyUpstream.Loss.None;
        await h.RestartGatewayAsync();

        using (var saved = JsonDocument.Parse(File.ReadAllText(h.Ledger!.Path)))
        {
            var momentum = saved.RootElement.GetProperty("ledgers").EnumerateArray().Single(l => l.GetProperty("bot").GetString() == "momentum");
            var pending = Assert.Single(momentum.GetProperty("pending").EnumerateArray());
            Assert.Equal("across-restart", pending.GetProperty("botClientOrderId").GetString());
        }

        var ledger = h.Desk.LedgerOf("momentum");
        await WaitUntilAsync(() => ledger.UnknownOutcomes().Count == 0);
        var order = Assert.Single(h.Market.OpenOrders());
        Assert.True(ledger.Owns("ORCL", order.Id));
        var queried = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/order", [("symbol", "ORCL"), ("origClientOrderId", "across-restart")]);
        Assert.Equal(order.Id, queried.Json.GetProperty("orderId").GetInt64());
    }

    [Fact]
    public void Snapshot_CarriesReservations_AndRestoreHoldsThemAsUnknown()
    {
        var ledger = new BotLedger("momentum", TimeProvider.System);
        var (reservation, _) = ledger.Reserve("ORCL", "BUY", "LIMIT", 3m, () => null, "tgw-abc", "mine", 1234);

        var restored = new BotLedger("momentum", TimeProvider.System);
        restored.Restore(ledger.Snapshot());

        Assert.Equal(reservation, Assert.Single(restored.UnknownOutcomes()));
        Assert.Equal((0m, 3m, 0m), restored.Exposure("ORCL"));
        Assert.Equal(2, restored.Reserve("ORCL", "BUY", "LIMIT", 1m, () => null).Reservation!.Id); // numbering goes on
        restored.Release(reservation!);
        Assert.Equal((0m, 1m, 0m), restored.Exposure("ORCL"));
    }
}
