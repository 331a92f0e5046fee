using Tradeguard.Core.Audit;
using Tradeguard.Gateway.Tests.Support;
using Tradeguard.Trading.Broker;

namespace Tradeguard.Gateway.Tests;

/// <summary>
/// An order the gateway's policy allows but the exchange refuses: the sandbox behind it holds orders to BTCUSDT's
/// published filters (LOT_SIZE stepSize 0.00001, PRICE_FILTER tickSize 0.01, NOTIONAL minNotional 5) and answers a
/// breach as Binance does, 400 <c>{"code":-1013,"msg":"Filter failure: LOT_SIZE"}</c> (errors.md of binance-spot-api-docs).
/// </summary>
public sealed class ExchangeRefusalTests
{
    [Fact]
    public async Task FilterFailure_ReachesTheBotUnchanged_SentOnce_AndJournaledAsRefusedByTheExchange()
    {
        await using var h = await GatewayHarness.StartAsync(sandboxFilters: new Instrument(0.00001m, 0.01m, 5m));

        var refused = await h.OrderAsync("momentum", "BUY", "LIMIT", 0.000015m, 10.00m);
        var accepted = await h.OrderAsync("momentum", "BUY", "LIMIT", 0.5m, 10.00m); // exactly on the step, the tick and the minimum 5

        Assert.Equal((400, """{"code":-1013,"msg":"Filter failure: LOT_SIZE"}"""), (refused.Status, refused.Body));
        Assert.Equal((200, "NEW"), (accepted.Status, accepted.Json.GetProperty("status").GetString()));
        Assert.Equal(2, h.Upstream.Sent.Count(s => s.Method == "POST" && s.Uri.Contains("/api/v3/order", StringComparison.Ordinal)));
        var orders = h.Audit.Events.Where(e => e.Action == "gateway.order").ToArray();
        Assert.Equal(2, orders.Length);
        Assert.Equal((AuditOutcome.Failure, "HTTP 400: Filter failure: LOT_SIZE", "refused by the exchange"),
            (orders[0].Outcome, orders[0].Reason, orders[0].Details!["status"]));
        Assert.Equal((AuditOutcome.Success, "NEW"), (orders[1].Outcome, orders[1].Details!["status"]));
    }
}
