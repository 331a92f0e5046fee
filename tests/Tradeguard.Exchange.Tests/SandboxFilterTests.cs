using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Tradeguard.Core.Audit;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Models;
using Tradeguard.Exchange.Runner;
using Tradeguard.Exchange.Signing;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.Tests;

/// <summary>
/// The sandbox holds new orders to the symbol filters it publishes, and answers a breach as Binance does: HTTP 400
/// <c>{"code":-1013,"msg":"Filter failure: NAME"}</c> (errors.md of binance/binance-spot-api-docs, "Filter failures";
/// the rules from its filters.md). The filters are BTCUSDT's as Binance publishes them (LOT_SIZE stepSize 0.00001,
/// PRICE_FILTER tickSize 0.01, NOTIONAL minNotional 5); the market is ORCL 2000 (samples/sma-cross-orcl.json) after its
/// first bar, whose adjusted close is 26.27 (samples/data/orcl-1995-2014.txt, 2000-01-03: Adj Close 26.267759, rounded
/// to 2 decimals by the loader), the last price a market order is valued at.
/// </summary>
public sealed class SandboxFilterTests
{
    private static readonly Instrument Btc = new(0.00001m, 0.01m, 5m);

    [Theory]
    [InlineData("LIMIT", "0.000015", "30.00", null, "LOT_SIZE")] // off the 0.00001 step
    [InlineData("MARKET", "0", null, null, "LOT_SIZE")] // below minQty (one lot)
    [InlineData("LIMIT", "1000000000.00001", "0.01", null, "LOT_SIZE")] // above maxQty 10^9
    [InlineData("LIMIT", "1", "30.005", null, "PRICE_FILTER")] // off the 0.01 tick
    [InlineData("LIMIT", "1", "0", null, "PRICE_FILTER")] // below minPrice (one tick)
    [InlineData("LIMIT", "0.00001", "1000000000.01", null, "PRICE_FILTER")] // above maxPrice 10^9
    [InlineData("STOP_LOSS_LIMIT", "1", "30.00", "29.995", "PRICE_FILTER")] // the stop price is held to the tick too
    [InlineData("LIMIT", "0.49999", "10.00", null, "NOTIONAL")] // 4.9999 < 5
    [InlineData("MARKET", "0.19033", null, null, "NOTIONAL")] // 0.19033 × 26.27 = 4.9999691 < 5 (applyMinToMarket)
    [InlineData("LIMIT", "1000", "9000.01", null, "NOTIONAL")] // 9,000,010 > maxNotional 9,000,000
    public async Task OrderBreakingAFilter_IsAnswered400With1013_AndNotPlaced(string type, string quantity, string? price, string? stop, string filter)
    {
        await using var sandbox = await SandboxHarness.StartAsync(filters: Btc);
        sandbox.Market.Advance();
        Assert.Equal(26.27m, sandbox.Market.ClosedBars(null, 1)[0].Close);

        var (status, body) = await PostOrder(sandbox, type, quantity, price, stop);

        Assert.Equal((400, $$"""{"code":-1013,"msg":"Filter failure: {{filter}}"}"""), (status, body));
        Assert.Empty(sandbox.Market.AllOrders());
        Assert.Contains(sandbox.Log.Lines, l => l.Contains($"Order refused by the {filter} filter", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(OrderType.Limit, "0.5", "10.00")] // exactly on the step and the tick, exactly the minimum notional 5
    [InlineData(OrderType.Limit, "0.00001", "500000.00")] // one lot: 0.00001 × 500,000 = 5
    [InlineData(OrderType.Market, "0.19034", null)] // one lot more than the refused 0.19033: 0.19034 × 26.27 = 5.0002318
    public async Task BoundaryOrder_IsAcceptedThroughTheClient(OrderType type, string quantity, string? price)
    {
        await using var sandbox = await SandboxHarness.StartAsync(filters: Btc);
        sandbox.Market.Advance();
        var order = new NewOrder("ORCL", OrderSide.Buy, type, D(quantity), price is null ? null : D(price));

        var report = await sandbox.Client.PlaceOrderAsync(order);

        Assert.Equal((ExchangeOrderStatus.New, D(quantity)), (report.Status, report.OrigQty));
        Assert.Single(sandbox.Market.AllOrders());
    }

    [Theory]
    [InlineData("0.000015", "30.00", "LOT_SIZE")]
    [InlineData("1", "30.005", "PRICE_FILTER")]
    [InlineData("0.49999", "10.00", "NOTIONAL")]
    public async Task Client_SurfacesAFilterFailure_AsARefusalItDoesNotRetry(string quantity, string price, string filter)
    {
        await using var sandbox = await SandboxHarness.StartAsync(filters: Btc);
        sandbox.Market.Advance();

        var e = await Assert.ThrowsAsync<ExchangeApiException>(() =>
            sandbox.Client.PlaceOrderAsync(new NewOrder("ORCL", OrderSide.Buy, OrderType.Limit, D(quantity), D(price))));

        Assert.Equal((-1013, HttpStatusCode.BadRequest, "Filter failure: " + filter), (e.Code, e.Status, e.ExchangeMessage));
        Assert.Equal($"POST /api/v3/order: the exchange refused the request: -1013 Filter failure: {filter}", e.Message);
        Assert.Single(sandbox.Log.Lines, l => l.Contains("POST /api/v3/order", StringComparison.Ordinal) && l.Contains("-1013", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Runner_BooksAFilterFailure_AsARejectedOrderNamingTheFilter()
    {
        await using var sandbox = await SandboxHarness.StartAsync(filters: Btc);
        sandbox.Market.Advance();
        var venue = new ExchangeVenue(sandbox.Client, "ORCL", TradingMode.Paper, new RunnerControl(), NullAuditLog.Instance, NullLogger.Instance);
        await venue.OpenAsync(CancellationToken.None);
        var order = venue.Place(new OrderRequest(OrderSide.Buy, 0.000015m), 0.000015m, OrderRole.Strategy, 0, new DateTime(2000, 1, 3), 26.27m, null);

        await venue.FlushAsync(CancellationToken.None);
        var changed = new List<Order>();
        venue.Update(default, 1, changed);

        Assert.Equal((OrderStatus.Rejected, "the exchange refused it: -1013 Filter failure: LOT_SIZE"), (order.Status, order.Reason));
        Assert.Equal([order], changed);
        Assert.Empty(venue.WorkingOrders);
        Assert.Empty(sandbox.Market.AllOrders());
    }

    [Fact]
    public async Task ExchangeInfo_PublishesTheRulesItEnforces()
    {
        await using var sandbox = await SandboxHarness.StartAsync(filters: Btc);
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/v3/exchangeInfo"));

        var filters = doc.RootElement.GetProperty("symbols")[0].GetProperty("filters").EnumerateArray()
            .ToDictionary(f => f.GetProperty("filterType").GetString()!, f => f.GetRawText());
        Assert.Equal("""{"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000000.00000000","tickSize":"0.01000000"}""", filters["PRICE_FILTER"]);
        Assert.Equal("""{"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"1000000000.00000000","stepSize":"0.00001000"}""", filters["LOT_SIZE"]);
        Assert.Equal("""{"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000","applyMaxToMarket":false,"avgPriceMins":0}""",
            filters["NOTIONAL"]);
        Assert.Equal(Btc, (await sandbox.Client.GetExchangeInfoAsync("ORCL")).Symbols.Single().Filters);
    }

    private static async Task<(int Status, string Body)> PostOrder(SandboxHarness sandbox, string type, string quantity, string? price, string? stop)
    {
        var query = $"symbol=ORCL&side=BUY&type={type}&quantity={quantity}"
            + (price is null ? "" : $"&price={price}&timeInForce=GTC") + (stop is null ? "" : $"&stopPrice={stop}")
            + $"&timestamp={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        query += "&signature=" + RequestSigner.Sign(sandbox.Key.ApiSecret, query);
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/order")
        {
            Content = new StringContent(query, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-MBX-APIKEY", sandbox.Key.ApiKey);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
