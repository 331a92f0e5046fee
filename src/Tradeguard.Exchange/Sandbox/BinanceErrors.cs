namespace Tradeguard.Exchange.Sandbox;

/// <summary>
/// The Binance Spot error codes and messages the sandbox answers with, worded as in Binance's "Error codes for
/// Binance" (errors.md of binance/binance-spot-api-docs), so a client's error handling is tested against the real text.
/// </summary>
public static class BinanceErrors
{
    /// <summary>-1021 INVALID_TIMESTAMP, timestamp too old.</summary>
    public static readonly SandboxError OutsideRecvWindow = new(-1021, 400, "Timestamp for this request is outside of the recvWindow.");

    /// <summary>-1021 INVALID_TIMESTAMP, timestamp 1 s or more ahead of the server.</summary>
    public static readonly SandboxError AheadOfServer = new(-1021, 400, "Timestamp for this request was 1000ms ahead of the server's time.");

    /// <summary>-1022 INVALID_SIGNATURE.</summary>
    public static readonly SandboxError InvalidSignature = new(-1022, 400, "Signature for this request is not valid.");

    /// <summary>-1121 BAD_SYMBOL.</summary>
    public static readonly SandboxError InvalidSymbol = new(-1121, 400, "Invalid symbol.");

    /// <summary>-1131 BAD_RECV_WINDOW.</summary>
    public static readonly SandboxError BadRecvWindow = new(-1131, 400, "recvWindow must be less than 60000");

    /// <summary>-2013 NO_SUCH_ORDER.</summary>
    public static readonly SandboxError NoSuchOrder = new(-2013, 400, "Order does not exist.");

    /// <summary>-2011 CANCEL_REJECTED.</summary>
    public static readonly SandboxError UnknownOrder = new(-2011, 400, "Unknown order sent.");

    /// <summary>-2014 BAD_API_KEY_FMT.</summary>
    public static readonly SandboxError ApiKeyFormat = new(-2014, 401, "API-key format invalid.");

    /// <summary>-2015 REJECTED_MBX_KEY.</summary>
    public static readonly SandboxError RejectedKey = new(-2015, 401, "Invalid API-key, IP, or permissions for action.");

    /// <summary>-1003 TOO_MANY_REQUESTS (sent with HTTP 429).</summary>
    public static readonly SandboxError TooManyRequests = new(-1003, 429, "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.");

    /// <summary>-1102 MANDATORY_PARAM_EMPTY_OR_MALFORMED for <paramref name="name"/>.</summary>
    public static SandboxError Mandatory(string name) => new(-1102, 400, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    /// <summary>-1100 ILLEGAL_CHARS / -1111 style: a parameter with a bad value.</summary>
    public static SandboxError Illegal(string name) => new(-1100, 400, $"Illegal characters found in parameter '{name}'; legal range is '^[0-9]{{1,20}}(\\.[0-9]{{1,20}})?$'.");

    /// <summary>-1116 INVALID_ORDER_TYPE.</summary>
    public static readonly SandboxError InvalidOrderType = new(-1116, 400, "Invalid orderType.");

    /// <summary>-2010 NEW_ORDER_REJECTED with the engine's reason.</summary>
    public static SandboxError OrderRejected(string reason) => new(-2010, 400, reason);
}

/// <summary>An error the sandbox answers with: <c>{"code": Code, "msg": Message}</c> and HTTP <paramref name="HttpStatus"/>.</summary>
/// <param name="Code">Binance error code.</param>
/// <param name="HttpStatus">HTTP status.</param>
/// <param name="Message">Binance's message text.</param>
public sealed record SandboxError(int Code, int HttpStatus, string Message);
