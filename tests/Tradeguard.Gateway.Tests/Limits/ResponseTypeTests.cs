using System.Globalization;
using System.Text.Json;
using Tradeguard.Gateway.Policy;
using Tradeguard.Gateway.Rest;
using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests.Limits;

/// <summary>
/// <c>newOrderRespType=ACK</c> (and the ACK default of stop types) cannot hide an order from the gateway's bookkeeping:
/// the exchange is always asked for <c>FULL</c>, the bot gets the shape it asked for, and an answer the gateway cannot
/// read counts against the limits as a working order of its full quantity.
/// </summary>
public sealed class ResponseTypeTests
{
    private const string Bots = """
        [ { "name": "momentum", "symbols": ["ORCL"], "orderTypes": ["MARKET", "LIMIT", "STOP_LOSS_LIMIT"], "maxOrderNotional": 100000, "maxPosition": 50,
            "maxOrdersPerMinute": 60, "maxDailyLoss": 500 },
          { "name": "meanrev", "symbols": ["ORCL"], "maxOrderNotional": 1000, "maxPosition": 20, "maxDailyLoss": 500 } ]
        """;

    // The ACK answer's fields (binance-spot-api-docs rest-api.md, "New order (TRADE)", "Response - ACK").
    private static readonly string[] AckFields = ["clientOrderId", "orderId", "orderListId", "symbol", "transactTime"];

    [Fact]
    public async Task AckLimitOrders_AreForwardedAsFull_AnsweredAsAck_AndCountAgainstMaxPosition()
    {
        await using var h = await GatewayHarness.StartAsync(botsJson: Bots);
        var below = Price(Math.Round(h.LastClose / 2, 2));

        Task<Answer> AckBuy(string quantity) => h.SignedAsync("momentum", HttpMethod.Post, "/api/v3/order",
            [("symbol", "ORCL"), ("side", "BUY"), ("type", "LIMIT"), ("timeInForce", "GTC"), ("quantity", quantity), ("price", below), ("newOrderRespType", "ACK")],
            inBody: true);

        var first = await AckBuy("20");
        var second = await AckBuy("20");
        var third = await AckBuy("20");

        Assert.Equal(AckFields, first.Json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(200, second.Status);
        Assert.Equal((400, -2010), (third.Status, third.Code));
        Assert.Contains("position 60 ORCL (held, working buys and this order) would be over this bot's maxPosition 50", third.Message, StringComparison.Ordinal);
        Assert.Equal(40m, h.Desk.LedgerOf("momentum").Exposure("ORCL").WorkingBuys);
        var posts = h.Upstream.Sent.Where(s => s.Method == "POST").ToArray();
        Assert.Equal(2, posts.Length);
        // FULL in place of ACK, then the gateway's own client order id (ClientOrderIds), then the signature.
        Assert.All(posts, p => Assert.Matches("&newOrderRespType=FULL&newClientOrderId=tgw-[A-Za-z0-9_-]{22}&signature=[0-9a-f]{64}$", p.Body));
        Assert.All(posts, p => Assert.DoesNotContain("ACK", p.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AckMarketOrder_CountsUntilItFills()
    {
        await using var h = await GatewayHarness.StartAsync(botsJson: Bots);
        Task<Answer> AckMarket(string quantity) => h.SignedAsync("momentum", HttpMethod.Post, "/api/v3/order",
            [("newOrderRespType", "ACK"), ("symbol", "ORCL"), ("side", "BUY"), ("type", "MARKET"), ("quantity", quantity)]);

        Assert.Equal(200, (await AckMarket("30")).Status);
        var over = await AckMarket("30");

        Assert.Equal(-2010, over.Code);
        Assert.Contains("maxPosition 50", over.Message, StringComparison.Ordinal);
        // Sent in the query: the forwarded query carries FULL in place of the bot's ACK, the bot's other parameters in its order.
        var sent = h.Upstream.Sent.Single(s => s.Method == "POST").Uri;
        Assert.Contains("?symbol=ORCL&side=BUY&type=MARKET&quantity=30&recvWindow=60000&timestamp=", sent, StringComparison.Ordinal);
        Assert.Matches("&newOrderRespType=FULL&newClientOrderId=tgw-[A-Za-z0-9_-]{22}&signature=", sent);
    }

    [Fact]
    public async Task StopLimitOrder_GetsBinancesAckDefault_YetCounts()
    {
        await using var h = await GatewayHarness.StartAsync(botsJson: Bots);
        var stop = await h.SignedAsync("momentum", HttpMethod.Post, "/api/v3/order",
        [
            ("symbol", "ORCL"), ("side", "BUY"), ("type", "STOP_LOSS_LIMIT"), ("timeInForce", "GTC"), ("quantity", "45"),
            ("price", Price(Math.Round(h.LastClose * 2, 2))), ("stopPrice", Price(Math.Round(h.LastClose * 2, 2))),
        ], inBody: true);

        Assert.Equal(AckFields, stop.Json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(45m, h.Desk.LedgerOf("momentum").Exposure("ORCL").WorkingBuys);
    }

    [Fact]
    public async Task UnknownResponseType_IsRefusedBeforeTheExchange()
    {
        await using var h = await GatewayHarness.StartAsync(botsJson: Bots);
        var odd = await h.SignedAsync("momentum", HttpMethod.Post, "/api/v3/order",
            [("symbol", "ORCL"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "1"), ("newOrderRespType", "NONE")]);

        Assert.Equal((400, -1102), (odd.Status, odd.Code));
        Assert.Equal("Mandatory parameter 'newOrderRespType' was not sent, was empty/null, or malformed.", odd.Message);
        Assert.DoesNotContain(h.Upstream.Sent, s => s.Method == "POST");
    }

    [Fact]
    public void AckShapedAnswer_IsKeptAsAWorkingOrderOfTheReservedQuantity()
    {
        var ledger = new BotLedger("momentum", TimeProvider.System);
        var (reservation, _) = ledger.Reserve("BTCUSDT", "BUY", "LIMIT", 40m, () => null);

        // The ACK example of binance-spot-api-docs rest-api.md, "New order (TRADE)".
        using var ack = JsonDocument.Parse("""{"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP","transactTime":1507725176595}""");
        var (fill, settled) = ledger.Settle(reservation!, ack.RootElement);

        Assert.True(settled);
        Assert.Null(fill);
        var order = Assert.Single(ledger.WorkingOrders());
        Assert.Equal(new TrackedOrder(28, "BTCUSDT", "BUY", "LIMIT", 40m, 0m, 0m, ""), order);
        Assert.Equal((0m, 40m, 0m), ledger.Exposure("BTCUSDT"));
        Assert.Empty(ledger.HeldReservations());
    }

    [Fact]
    public void AnswerWithoutAnOrderId_KeepsTheReservationHeld()
    {
        var ledger = new BotLedger("momentum", TimeProvider.System);
        var (reservation, _) = ledger.Reserve("BTCUSDT", "SELL", "MARKET", 3m, () => null);
        using var odd = JsonDocument.Parse("""{"symbol":"BTCUSDT","status":"FILLED"}""");

        Assert.False(ledger.Settle(reservation!, odd.RootElement).Settled);

        Assert.Equal((0m, 0m, 3m), ledger.Exposure("BTCUSDT"));
        Assert.Equal(reservation, Assert.Single(ledger.HeldReservations()));
        ledger.Release(reservation!);
        Assert.Equal((0m, 0m, 0m), ledger.Exposure("BTCUSDT"));
    }

    [Fact]
    public void Shape_CutsTheFullAnswer_ToWhatTheBotAskedFor()
    {
        // Abridged FULL example of binance-spot-api-docs rest-api.md, "New order (TRADE)", "Response - FULL".
        using var full = JsonDocument.Parse("""
            {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP","transactTime":1507725176595,
             "price":"0.00000000","origQty":"10.00000000","executedQty":"10.00000000","cummulativeQuoteQty":"10.00000000","status":"FILLED",
             "timeInForce":"GTC","type":"MARKET","side":"SELL",
             "fills":[{"price":"4000.00000000","qty":"1.00000000","commission":"4.00000000","commissionAsset":"USDT","tradeId":56}]}
            """);

        Assert.Equal("""{"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP","transactTime":1507725176595}""",
            System.Text.Encoding.UTF8.GetString(OrderResponseTypes.Shape(full.RootElement, OrderResponseType.Ack)));
        var result = JsonDocument.Parse(OrderResponseTypes.Shape(full.RootElement, OrderResponseType.Result)).RootElement;
        Assert.False(result.TryGetProperty("fills", out _));
        Assert.Equal(13, result.EnumerateObject().Count());
        Assert.Equal(14, JsonDocument.Parse(OrderResponseTypes.Shape(full.RootElement, OrderResponseType.Full)).RootElement.EnumerateObject().Count());
    }

    private static string Price(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
