namespace Tradeguard.Gateway.Rest;

/// <summary>
/// The trading allowlist: the only Binance Spot endpoints the gateway serves (rest-api.md). Everything else, whatever
/// the upstream key allows, is refused with 403, audited and raised as a security alert: withdrawals
/// (<c>/sapi/v1/capital/withdraw/*</c>), transfers (<c>/sapi/v1/asset/transfer</c>), sub-accounts, API-key management
/// (<c>/sapi/v1/account/apiRestrictions</c>), margin (<c>/sapi/v1/margin/*</c>), futures (<c>/fapi</c>, <c>/dapi</c>),
/// and any path not listed here.
/// </summary>
public static class EndpointAllowlist
{
    /// <summary>Public market-data endpoints, forwarded without a key (GET).</summary>
    public static IReadOnlyList<string> Public { get; } =
    [
        "/api/v3/ping", "/api/v3/time", "/api/v3/exchangeInfo", "/api/v3/klines", "/api/v3/ticker/price", "/api/v3/ticker/bookTicker", "/api/v3/depth",
    ];

    /// <summary>Signed endpoints, as <c>METHOD path</c>.</summary>
    public static IReadOnlyList<string> Signed { get; } =
    [
        "GET /api/v3/account", "POST /api/v3/order", "GET /api/v3/order", "DELETE /api/v3/order", "GET /api/v3/openOrders", "GET /api/v3/allOrders",
        "GET /api/v3/myTrades",
    ];
}
