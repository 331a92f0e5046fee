using System.Net;
using Tradeguard.Core.Errors;

namespace Tradeguard.Exchange.Client;

/// <summary>
/// The exchange does not accept the key pair: Binance -2014 (API-key format invalid), -2015 (invalid API-key, IP, or
/// permissions for action) or HTTP 401. Exit code 3 (authentication failed, DESIGN.md), with the vault fields to check.
/// </summary>
public sealed class ExchangeAuthenticationException : ExchangeApiException
{
    /// <summary>Binance: API-key format invalid.</summary>
    public const int KeyFormatInvalid = -2014;

    /// <summary>Binance: invalid API-key, IP, or permissions for action.</summary>
    public const int KeyRejected = -2015;

    /// <summary>Creates the exception.</summary>
    /// <param name="code">The exchange's error code, or 0.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="request">The request, as <c>GET /path</c> (never the query string).</param>
    /// <param name="exchangeMessage">The exchange's own message.</param>
    /// <param name="exchange">The vault item holding the key pair.</param>
    public ExchangeAuthenticationException(int code, HttpStatusCode? status, string request, string exchangeMessage, string exchange)
        : base(ExitCode.AuthenticationFailed, code, status,
            $"{request}: the exchange does not accept the API key ({code} {exchangeMessage}); " +
            $"check vault://{exchange}/api_key and api_secret (tradeguard vault set {exchange} api_key, then api_secret), " +
            "and that the key is enabled and allows this machine's IP address")
    {
    }

    /// <summary>True for the answers that mean the key pair itself is refused.</summary>
    /// <param name="code">The exchange's error code.</param>
    /// <param name="status">The HTTP status.</param>
    public static bool Matches(int code, HttpStatusCode status) =>
        code is KeyFormatInvalid or KeyRejected || status == HttpStatusCode.Unauthorized;
}
