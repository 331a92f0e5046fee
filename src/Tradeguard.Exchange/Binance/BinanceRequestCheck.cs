using System.Globalization;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Signing;

namespace Tradeguard.Exchange.Binance;

/// <summary>
/// The checks Binance makes on a SIGNED request once the key is known, in Binance's order: <c>recvWindow</c> a number
/// ≤ 60000 (-1131), <c>timestamp</c> present (-1102), <c>signature</c> present and the HMAC-SHA256 of
/// <see cref="BinanceRequest.SignedPayload"/> under the key's secret (-1022, compared in constant time by
/// <see cref="RequestSigner.Verify"/>), and the timestamp fresh: refused when 1000 ms or more ahead of the server or
/// older than recvWindow (-1021) (binance-spot-api-docs rest-api.md, "Timing security").
/// </summary>
public static class BinanceRequestCheck
{
    /// <summary>recvWindow when the request gives none, milliseconds.</summary>
    public const long DefaultRecvWindowMs = 5000;

    /// <summary>The largest recvWindow Binance accepts, milliseconds.</summary>
    public const long MaxRecvWindowMs = 60000;

    /// <summary>Checks <paramref name="request"/> signed with <paramref name="apiSecret"/> at server time <paramref name="nowMs"/> (Unix ms).</summary>
    /// <returns>Null and the request's timestamp and recvWindow when it passes; else the Binance error to answer with.</returns>
    public static (BinanceError? Error, long TimestampMs, long RecvWindowMs) Check(Secret apiSecret, BinanceRequest request, long nowMs)
    {
        var recvWindow = DefaultRecvWindowMs;
        if (request.Values.ContainsKey("recvWindow"))
        {
            if (!long.TryParse(request.Single("recvWindow"), NumberStyles.None, CultureInfo.InvariantCulture, out recvWindow))
            {
                return (BinanceErrors.Mandatory("recvWindow"), 0, 0);
            }

            if (recvWindow > MaxRecvWindowMs)
            {
                return (BinanceErrors.BadRecvWindow, 0, 0);
            }
        }

        if (!long.TryParse(request.Single("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return (BinanceErrors.Mandatory("timestamp"), 0, 0);
        }

        if (request.Signature is null)
        {
            return (BinanceErrors.Mandatory("signature"), 0, 0);
        }

        if (!RequestSigner.Verify(apiSecret, request.SignedPayload, request.Signature))
        {
            return (BinanceErrors.InvalidSignature, 0, 0);
        }

        if (timestamp >= nowMs + 1000)
        {
            return (BinanceErrors.AheadOfServer, 0, 0);
        }

        return nowMs - timestamp > recvWindow ? (BinanceErrors.OutsideRecvWindow, 0, 0) : (null, timestamp, recvWindow);
    }
}
