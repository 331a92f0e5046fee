namespace Tradeguard.Exchange.Binance;

/// <summary>
/// The Binance Spot error codes and messages that the sandbox and the gateway answer with, worded as in Binance's
/// "Error codes for Binance" (errors.md of binance/binance-spot-api-docs), so a client's error handling is tested
/// against the real text. One catalogue for both servers.
/// </summary>
public static class BinanceErrors
{
    /// <summary>-1021 INVALID_TIMESTAMP, timestamp too old.</summary>
    public static readonly BinanceError OutsideRecvWindow = new(-1021, 400, "Timestamp for this request is outside of the recvWindow.");

    /// <summary>-1021 INVALID_TIMESTAMP, timestamp 1 s or more ahead of the server.</summary>
    public static readonly BinanceError AheadOfServer = new(-1021, 400, "Timestamp for this request was 1000ms ahead of the server's time.");

    /// <summary>-1022 INVALID_SIGNATURE.</summary>
    public static readonly BinanceError InvalidSignature = new(-1022, 400, "Signature for this request is not valid.");

    /// <summary>-1121 BAD_SYMBOL.</summary>
    public static readonly BinanceError InvalidSymbol = new(-1121, 400, "Invalid symbol.");

    /// <summary>-1120 BAD_INTERVAL.</summary>
    public static readonly BinanceError InvalidInterval = new(-1120, 400, "Invalid interval.");

    /// <summary>-1023 START_TIME_GREATER_THAN_END_TIME.</summary>
    public static readonly BinanceError StartAfterEnd = new(-1023, 400, "Start time is greater than end time.");

    /// <summary>-1131 BAD_RECV_WINDOW.</summary>
    public static readonly BinanceError BadRecvWindow = new(-1131, 400, "recvWindow must be less than 60000");

    /// <summary>-2013 NO_SUCH_ORDER.</summary>
    public static readonly BinanceError NoSuchOrder = new(-2013, 400, "Order does not exist.");

    /// <summary>-2011 CANCEL_REJECTED.</summary>
    public static readonly BinanceError UnknownOrder = new(-2011, 400, "Unknown order sent.");

    /// <summary>-2014 BAD_API_KEY_FMT.</summary>
    public static readonly BinanceError ApiKeyFormat = new(-2014, 401, "API-key format invalid.");

    /// <summary>-2015 REJECTED_MBX_KEY.</summary>
    public static readonly BinanceError RejectedKey = new(-2015, 401, "Invalid API-key, IP, or permissions for action.");

    /// <summary>-1003 TOO_MANY_REQUESTS (sent with HTTP 429).</summary>
    public static readonly BinanceError TooManyRequests = new(-1003, 429, "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.");

    /// <summary>-1102 MANDATORY_PARAM_EMPTY_OR_MALFORMED for <paramref name="name"/>.</summary>
    public static BinanceError Mandatory(string name) => new(-1102, 400, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    /// <summary>-1100 ILLEGAL_CHARS / -1111 style: a parameter with a bad value.</summary>
    public static BinanceError Illegal(string name) => new(-1100, 400, $"Illegal characters found in parameter '{name}'; legal range is '^[0-9]{{1,20}}(\\.[0-9]{{1,20}})?$'.");

    /// <summary>-1106 PARAM_NOT_REQUIRED: a parameter the order type does not take (errors.md: "Parameter '%s' sent when not required.").</summary>
    public static BinanceError NotRequired(string name) => new(-1106, 400, $"Parameter '{name}' sent when not required.");

    /// <summary>-1116 INVALID_ORDER_TYPE.</summary>
    public static readonly BinanceError InvalidOrderType = new(-1116, 400, "Invalid orderType.");

    /// <summary>
    /// -1013 INVALID_MESSAGE for an order that breaks a symbol filter, e.g. "Filter failure: LOT_SIZE" (errors.md,
    /// "Filter failures").
    /// </summary>
    /// <param name="filter">The filter type as exchangeInfo names it: <c>LOT_SIZE</c>, <c>PRICE_FILTER</c>, <c>NOTIONAL</c>.</param>
    public static BinanceError FilterFailure(string filter) => new(-1013, 400, $"Filter failure: {filter}");

    /// <summary>-2010 NEW_ORDER_REJECTED with the engine's (or the gateway policy's) reason.</summary>
    public static BinanceError OrderRejected(string reason) => new(-2010, 400, reason);

    /// <summary>-1015 TOO_MANY_ORDERS (HTTP 429), worded as Binance words it: "Too many new orders; current limit is %s orders per %s."</summary>
    public static BinanceError TooManyOrders(int limit, string interval) => new(-1015, 429, $"Too many new orders; current limit is {limit} orders per {interval}.");

    /// <summary>
    /// -2015 REJECTED_MBX_KEY with HTTP 403: an endpoint the key may not use (the gateway's allowlist). Binance answers
    /// a missing permission with -2015; the 403 tells a client that retrying is pointless.
    /// </summary>
    public static BinanceError NotPermitted(string what) => new(-2015, 403, $"Invalid API-key, IP, or permissions for action: {what}.");

    /// <summary>-1101 TOO_MANY_PARAMETERS / duplicate: a parameter sent more than once.</summary>
    public static BinanceError DuplicateParameter(string name) => new(-1101, 400, $"Duplicate values for parameter '{name}'.");

    /// <summary>-1000 UNKNOWN: an error the upstream exchange could not be asked about (unreachable, timed out).</summary>
    public static readonly BinanceError UpstreamUnavailable = new(-1000, 503, "An unknown error occurred while processing the request: the exchange could not be reached.");

    /// <summary>-1000 with HTTP 404: a path the server does not serve.</summary>
    public static BinanceError NotFound(string path) => new(-1000, 404, $"Unknown endpoint {path}.");
}
