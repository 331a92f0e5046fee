using System.Globalization;
using Tradeguard.Exchange.Binance;

namespace Tradeguard.Gateway.Upstream;

/// <summary>
/// The exchange's order to back off, kept for every bot: after a 429 (too much request weight) or 418 (IP banned)
/// nothing is sent upstream until its <c>Retry-After</c> has passed, and each request meanwhile is answered here with
/// 429 -1003 and the seconds left. Binance: "When a 429 is received, it's your obligation as an API to back off and not
/// spam the API. Repeatedly violating rate limits and/or failing to back off after receiving 429s will result in an
/// automated IP ban (HTTP status 418)"; "A Retry-After header is sent with a 418 or 429 responses and will give the
/// number of seconds required to wait" (binance-spot-api-docs rest-api.md, "LIMITS"). Thread-safe.
/// </summary>
/// <param name="time">The clock.</param>
public sealed class UpstreamBackoff(TimeProvider time)
{
    /// <summary>The wait when a 429 or 418 comes without a usable Retry-After, seconds (one weight window).</summary>
    public const int DefaultWaitSeconds = 60;

    private long _untilUnixMs;

    /// <summary>The local answer while the exchange's wait lasts; null when a request may go upstream.</summary>
    public UpstreamResponse? Hold()
    {
        var left = Interlocked.Read(ref _untilUnixMs) - time.GetUtcNow().ToUnixTimeMilliseconds();
        if (left <= 0)
        {
            return null;
        }

        var seconds = ((left + 999) / 1000).ToString(CultureInfo.InvariantCulture);
        var body = new BinanceError(-1003, 429, $"Tradeguard gateway: the exchange asked to back off; no request is sent to it for {seconds} s more.").ToBytes();
        return new UpstreamResponse(429, body, "application/json;charset=UTF-8", null, seconds);
    }

    /// <summary>Learns from an answer of the exchange: a 429 or 418 starts (or extends) the wait it names.</summary>
    public void Observe(int status, TimeSpan? retryAfter)
    {
        if (status is not (429 or 418))
        {
            return;
        }

        var wait = retryAfter is { } r && r > TimeSpan.Zero ? r : TimeSpan.FromSeconds(DefaultWaitSeconds);
        var until = (time.GetUtcNow() + wait).ToUnixTimeMilliseconds();
        long seen;
        do
        {
            seen = Interlocked.Read(ref _untilUnixMs);
            if (seen >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _untilUnixMs, until, seen) != seen);
    }
}
