using System.Diagnostics.CodeAnalysis;

namespace Tradeguard.Exchange.Models;

/// <summary>
/// A Binance Spot candle interval (the <c>interval</c> parameter of <c>GET /api/v3/klines</c>): <c>1m 3m 5m 15m 30m
/// 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M</c>, as listed under "Kline/Candlestick chart intervals" in Binance's
/// spot API docs (enums.md). <c>1s</c> is left out: second bars are not a backtest's unit.
/// </summary>
public sealed record KlineInterval
{
    private static readonly (string Name, long Milliseconds)[] Known =
    [
        ("1m", 60_000), ("3m", 180_000), ("5m", 300_000), ("15m", 900_000), ("30m", 1_800_000),
        ("1h", 3_600_000), ("2h", 7_200_000), ("4h", 14_400_000), ("6h", 21_600_000), ("8h", 28_800_000), ("12h", 43_200_000),
        ("1d", 86_400_000), ("3d", 259_200_000), ("1w", 604_800_000), ("1M", 0),
    ];

    private KlineInterval(string name, long milliseconds)
    {
        Name = name;
        Milliseconds = milliseconds;
    }

    /// <summary>The interval Tradeguard runs and replays by default.</summary>
    public static KlineInterval OneDay { get; } = Parse("1d");

    /// <summary>The wire name, e.g. <c>1h</c> (case matters: <c>1m</c> is a minute, <c>1M</c> a month).</summary>
    public string Name { get; }

    /// <summary>Length of one candle, milliseconds; 0 for <c>1M</c>, whose length is the calendar month's.</summary>
    public long Milliseconds { get; }

    /// <summary>Every interval name accepted, shortest first.</summary>
    public static IReadOnlyList<string> Names { get; } = Known.Select(k => k.Name).ToArray();

    /// <summary>The interval named <paramref name="name"/>; false for a name outside Binance's set.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out KlineInterval? interval)
    {
        var i = Array.FindIndex(Known, k => string.Equals(k.Name, name, StringComparison.Ordinal));
        interval = i >= 0 ? new KlineInterval(Known[i].Name, Known[i].Milliseconds) : null;
        return interval is not null;
    }

    /// <summary>The interval named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="Names"/>.</exception>
    public static KlineInterval Parse(string name) =>
        TryParse(name, out var interval) ? interval : throw new ArgumentException($"\"{name}\" is not a candle interval: use one of {string.Join(", ", Names)}", nameof(name));

    /// <summary>The open time of the candle after the one opening at <paramref name="openTime"/> (Unix ms, UTC).</summary>
    public long Next(long openTime) => Milliseconds > 0
        ? openTime + Milliseconds
        : DateTimeOffset.FromUnixTimeMilliseconds(openTime).AddMonths(1).ToUnixTimeMilliseconds();

    /// <summary>The close time Binance reports for the candle opening at <paramref name="openTime"/>: the next open − 1 ms.</summary>
    public long CloseTime(long openTime) => Next(openTime) - 1;

    /// <inheritdoc />
    public override string ToString() => Name;
}
