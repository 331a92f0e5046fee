using System.Globalization;
using System.Text.Json;
using Tradeguard.Core.Audit;
using Tradeguard.Gateway.Policy;
using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests.Limits;

/// <summary>
/// Binance numbers orders per symbol, so ownership is by symbol and order id: a bot cannot read, cancel or list another
/// symbol's orders through an id that collides with one of its own, nor lose track of its own orders that way, and
/// close-all sells only the bot's own symbols.
/// </summary>
public sealed class OwnershipTests
{
    [Fact]
    public async Task CollidingOrderIdOfAnotherSymbol_IsAnOrderThatDoesNotExist_AndNeverReachesTheExchange()
    {
        await using var h = await GatewayHarness.StartAsync();
        var own = await h.OrderAsync("momentum", "BUY", "LIMIT", 5, Math.Round(h.LastClose / 2, 2));
        var id = own.Json.GetProperty("orderId").GetInt64().ToString(CultureInfo.InvariantCulture);
        var sentBefore = h.Upstream.Sent.Count;

        var query = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/order", [("symbol", "BTCUSDT"), ("orderId", id)]);
        var cancel = await h.SignedAsync("momentum", HttpMethod.Delete, "/api/v3/order", [("symbol", "BTCUSDT"), ("orderId", id)]);
        var open = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/openOrders", [("symbol", "BTCUSDT")]);
        var all = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/allOrders", [("symbol", "BTCUSDT")]);
        var trades = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/myTrades", [("symbol", "BTCUSDT")]);

        // Binance's answers for an order that does not exist (errors.md -2013 NO_SUCH_ORDER, -2011 CANCEL_REJECTED).
        Assert.Equal((400, -2013, "Order does not exist."), (query.Status, query.Code, query.Message));
        Assert.Equal((400, -2011, "Unknown order sent."), (cancel.Status, cancel.Code, cancel.Message));
        foreach (var list in new[] { open, all, trades })
        {
            Assert.Equal((403, -2015), (list.Status, list.Code));
            Assert.Contains("symbol BTCUSDT is not in this bot's allowed symbols", list.Message, StringComparison.Ordinal);
        }

        Assert.Equal(sentBefore, h.Upstream.Sent.Count);
        Assert.Equal(5m, h.Desk.LedgerOf("momentum").Exposure("ORCL").WorkingBuys); // its own order still counts
        Assert.Contains(h.Audit.Events, e => e.Action == "gateway.cancel" && e.Outcome == AuditOutcome.Denied && e.Target == "BTCUSDT");
        var openOwn = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/openOrders", [("symbol", "ORCL")]);
        Assert.Equal(id, Assert.Single(openOwn.Json.EnumerateArray()).GetProperty("orderId").GetInt64().ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Ledger_KeysOrdersBySymbolAndId_SoAnotherSymbolsOrderChangesNothing()
    {
        var ledger = new BotLedger("mallory", TimeProvider.System);
        using var orcl = JsonDocument.Parse("""{"symbol":"ORCL","orderId":1,"side":"BUY","type":"LIMIT","origQty":"40","executedQty":"0","cummulativeQuoteQty":"0","status":"NEW"}""");
        using var btc = JsonDocument.Parse("""{"symbol":"BTCUSDT","orderId":1,"side":"BUY","type":"MARKET","origQty":"5","executedQty":"5","cummulativeQuoteQty":"50","status":"FILLED"}""");
        ledger.Observe(orcl.RootElement, placed: true);

        Assert.Null(ledger.Observe(btc.RootElement, placed: false));

        Assert.True(ledger.Owns("ORCL", 1));
        Assert.False(ledger.Owns("BTCUSDT", 1));
        Assert.Equal((0m, 40m, 0m), ledger.Exposure("ORCL"));
        Assert.Empty(ledger.Positions());
        Assert.False(ledger.MarkGone(new OrderKey("BTCUSDT", 1)));
        Assert.Equal("ORCL", Assert.Single(ledger.WorkingOrders()).Symbol);
    }

    [Fact]
    public async Task CloseAll_SellsOnlyTheBotsOwnSymbols()
    {
        await using var h = await GatewayHarness.StartAsync();
        // A position in a symbol the bot may no longer trade (a ledger from an older config): not this bot's to sell.
        h.Desk.LedgerOf("momentum").Restore(new BotLedgerState("momentum", [], [new HeldPosition("BTCUSDT", 5m, 50m)], DateOnly.FromDateTime(DateTime.UtcNow), 0m, 0));

        var result = await h.Board.CloseAllAsync("momentum", "cli");

        Assert.EndsWith("Market sell sent for no position.", result, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Upstream.Sent, s => s.Method == "POST");
    }
}
