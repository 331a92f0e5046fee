using System.Globalization;
using Tradeguard.Exchange.Binance;

namespace Tradeguard.Gateway.Rest;

/// <summary>
/// The request weight Binance counts for each allowlisted endpoint (binance-spot-api-docs rest-api.md, each endpoint's
/// "Weight"), which <see cref="Upstream.WeightBudget"/> charges before a request goes upstream. Where the weight depends
/// on a parameter the table follows it (<c>depth</c> by <c>limit</c>; tickers and <c>openOrders</c> without a symbol).
/// </summary>
public static class EndpointWeights
{
    /// <summary>Weight of a public request to <paramref name="path"/> with the parameters of <paramref name="request"/>.</summary>
    public static int Public(string path, BinanceRequest request) => path switch
    {
        "/api/v3/exchangeInfo" => 20,
        "/api/v3/klines" => 2,
        "/api/v3/ticker/price" or "/api/v3/ticker/bookTicker" => request.Values.ContainsKey("symbol") ? 2 : 4,
        "/api/v3/depth" => Depth(request.Single("limit")),
        _ => 1, // ping, time
    };

    /// <summary>Weight of a signed request, <paramref name="route"/> being <c>METHOD path</c>.</summary>
    public static int Signed(string route, BinanceRequest request) => route switch
    {
        "POST /api/v3/order" or "DELETE /api/v3/order" => 1,
        "GET /api/v3/order" => 4,
        "GET /api/v3/openOrders" => request.Values.ContainsKey("symbol") ? 6 : 80,
        _ => 20, // account, allOrders, myTrades
    };

    // depth: limit 1-100 → 5, 101-500 → 25, 501-1000 → 50, 1001-5000 → 250; default limit 100. An unreadable limit is charged the most.
    private static int Depth(string? limit) =>
        limit is null ? 5
        : !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? 250
        : n <= 100 ? 5 : n <= 500 ? 25 : n <= 1000 ? 50 : 250;
}
