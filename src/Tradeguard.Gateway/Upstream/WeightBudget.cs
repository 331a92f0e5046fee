using System.Globalization;
using Tradeguard.Exchange.Binance;

namespace Tradeguard.Gateway.Upstream;

/// <summary>
/// Shares the exchange's request weight per minute (<c>weightLimitPerMinute</c>) so that no one client can spend it for
/// everyone: requests without a key (public market data, from any local process) get at most half; each bot's signed
/// requests at most <c>2/5 × limit ÷ bots</c>; the last tenth is left to the gateway's own requests (fill checks,
/// prices for valuation, stop and close-all), which are not charged. Counted locally with Binance's published weights
/// (<see cref="Rest.EndpointWeights"/>) in the same fixed UTC minute Binance counts in (<c>X-MBX-USED-WEIGHT-1M</c>), so
/// the gateway itself never sends more than the limit. A request over its share is answered here, 429 -1003 with
/// <c>Retry-After</c> = the seconds to the next minute, and never reaches the exchange. Thread-safe.
/// </summary>
public sealed class WeightBudget
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _minute;

    /// <summary>Creates the budget.</summary>
    /// <param name="limitPerMinute">The exchange's request weight per minute (Binance Spot: 6000).</param>
    /// <param name="bots">How many bots share the signed part.</param>
    /// <param name="time">The clock.</param>
    public WeightBudget(int limitPerMinute, int bots, TimeProvider time)
    {
        _time = time;
        PublicShare = limitPerMinute / 2;
        BotShare = Math.Max(1, limitPerMinute * 2 / 5 / Math.Max(1, bots));
    }

    /// <summary>Weight per minute all public requests together may use.</summary>
    public int PublicShare { get; }

    /// <summary>Weight per minute each bot's signed requests may use.</summary>
    public int BotShare { get; }

    /// <summary>
    /// Charges <paramref name="weight"/> to <paramref name="bot"/> (null: public requests); null when it fits in the
    /// share, else the local 429 answer (nothing charged).
    /// </summary>
    public UpstreamResponse? TryCharge(string? bot, int weight)
    {
        var now = _time.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        var share = bot is null ? PublicShare : BotShare;
        lock (_gate)
        {
            if (minute != _minute)
            {
                _minute = minute;
                _used.Clear();
            }

            var key = bot ?? string.Empty;
            var used = _used.GetValueOrDefault(key);
            if (used + weight <= share)
            {
                _used[key] = used + weight;
                return null;
            }
        }

        var seconds = ((minute + 1) * 60 - now.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var who = bot is null ? "requests without a key" : $"bot {bot}";
        var body = new BinanceError(-1003, 429, $"Tradeguard gateway: {who} used their share of the exchange's request weight ({share.ToString(CultureInfo.InvariantCulture)} per minute); retry in {seconds} s.").ToBytes();
        return new UpstreamResponse(429, body, "application/json;charset=UTF-8", null, seconds);
    }
}
