using System.Globalization;
using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests.Limits;

/// <summary>
/// An order is valued by what it can cost, never by a number the bot chose: a parameter the order type does not take is
/// refused as Binance refuses it, and market orders are valued at the market's last price.
/// </summary>
public sealed class OrderValuationTests
{
    private const string Bots = """
        [ { "name": "momentum", "symbols": ["ORCL"], "orderTypes": ["MARKET", "LIMIT", "STOP_LOSS"], "maxOrderNotional": 500, "maxPosition": 100000,
            "maxOrdersPerMinute": 60, "maxDailyLoss": 500 },
          { "name": "meanrev", "symbols": ["ORCL"], "maxOrderNotional": 1000, "maxPosition": 20, "maxDailyLoss": 500 } ]
        """;

    // Binance's per-type parameters: rest-api.md "New order (TRADE)", "Additional mandatory parameters based on type";
    // errors.md -1106 PARAM_NOT_REQUIRED and -1102 MANDATORY_PARAM_EMPTY_OR_MALFORMED.
    [Theory]
    [InlineData("type=MARKET&quantity=1&price=0.01", -1106, "Parameter 'price' sent when not required.")]
    [InlineData("type=MARKET&quantity=1&stopPrice=0.01", -1106, "Parameter 'stopPrice' sent when not required.")]
    [InlineData("type=MARKET&quantity=1&timeInForce=GTC", -1106, "Parameter 'timeInForce' sent when not required.")]
    [InlineData("type=MARKET&quantity=1&quoteOrderQty=10", -1106, "Parameter 'quoteOrderQty' sent when not required.")]
    [InlineData("type=MARKET", -1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.")]
    [InlineData("type=LIMIT&quantity=1&price=1&timeInForce=GTC&stopPrice=1", -1106, "Parameter 'stopPrice' sent when not required.")]
    [InlineData("type=LIMIT&quantity=1&timeInForce=GTC", -1102, "Mandatory parameter 'price' was not sent, was empty/null, or malformed.")]
    [InlineData("type=LIMIT&quantity=1&price=1", -1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.")]
    [InlineData("type=STOP_LOSS&quantity=1&stopPrice=1&price=1", -1106, "Parameter 'price' sent when not required.")]
    [InlineData("type=STOP_LOSS&quantity=1", -1102, "Mandatory parameter 'stopPrice' was not sent, was empty/null, or malformed.")]
    [InlineData("type=LIMIT_MAKER&quantity=1&price=1&timeInForce=GTC", -1106, "Parameter 'timeInForce' sent when not required.")]
    [InlineData("type=MARKET&quantity=1&quantity=2", -1101, "Duplicate values for parameter 'quantity'.")]
    [InlineData("type=OCO&quantity=1", -1116, "Invalid orderType.")]
    public async Task ParameterTheTypeDoesNotTake_OrLacks_IsRefusedAsBinanceDoes(string parameters, int code, string message)
    {
        await using var h = await GatewayHarness.StartAsync(botsJson: Bots);
        var answer = await h.SignedAsync("momentum", HttpMethod.Post, "/api/v3/order",
            [("symbol", "ORCL"), ("side", "BUY"), .. parameters.Split('&').Select(p => (p.Split('=')[0], p.Split('=')[1]))], inBody: true);

        Assert.Equal((400, code, message), (answer.Status, answer.Code, answer.Message));
        Assert.DoesNotContain(h.Upstream.Sent, s => s.Method == "POST");
    }

    [Fact]
    public async Task MarketAndStopOrders_AreValuedAtTheMarket_NotAtABotsNumber()
    {
        await using var h = await GatewayHarness.StartAsync(botsJson: Bots);
        var last = h.LastClose;
        var overLimit = Math.Ceiling(501 / last); // units worth just over maxOrderNotional 500 at the last price
        var expected = (overLimit * last).ToString("0.########", CultureInfo.InvariantCulture);

        Task<Answer> Order(params (string, string)[] parameters) =>
            h.SignedAsync("momentum", HttpMethod.Post, "/api/v3/order", [("symbol", "ORCL"), .. parameters], inBody: true);

        var quote = await Order(("side", "BUY"), ("type", "MARKET"), ("quoteOrderQty", "501"));
        var stop = await Order(("side", "BUY"), ("type", "STOP_LOSS"), ("quantity", Units(overLimit)), ("stopPrice", "0.01"));
        var sell = await Order(("side", "SELL"), ("type", "LIMIT"), ("timeInForce", "GTC"), ("quantity", Units(overLimit)), ("price", "0.01"));

        Assert.Contains("order notional 501 is over this bot's maxOrderNotional 500", quote.Message, StringComparison.Ordinal);
        Assert.Contains($"order notional {expected} is over this bot's maxOrderNotional 500", stop.Message, StringComparison.Ordinal);
        Assert.Contains($"order notional {expected} is over this bot's maxOrderNotional 500", sell.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Upstream.Sent, s => s.Method == "POST");

        // A buy with a limit price cannot cost more than its price: valued at it.
        var cheapBuy = await Order(("side", "BUY"), ("type", "LIMIT"), ("timeInForce", "GTC"), ("quantity", Units(overLimit)), ("price", "0.01"));
        Assert.Equal(200, cheapBuy.Status);
    }

    private static string Units(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
