using Tradeguard.Trading.Strategies.DualMaCross;
using Tradeguard.Trading.Strategies.LowerCloses;
using Tradeguard.Trading.Strategies.PriceSmaCross;
using Tradeguard.Trading.Strategies.RelativeStrength;
using Tradeguard.Trading.Strategies.RsiMeanReversion;

namespace Tradeguard.Trading.Strategies;

/// <summary>The built-in strategies a run config can name.</summary>
public static class StrategyCatalog
{
    /// <summary>Every built-in strategy.</summary>
    public static IReadOnlyList<StrategyDefinition> All { get; } =
    [
        new("price-sma-cross", "Buy when the close is above its SMA, sell when below (backtrader quickstart)",
            [new("period", 15, 1, 10_000, true, "SMA period, bars")],
            (p, o) => new PriceSmaCrossStrategy((int)p["period"], o)),
        new("dual-ma-cross", "Buy when the fast average crosses above the slow one, sell when it crosses below",
            [
                new("fast", 10, 1, 10_000, true, "fast average period, bars"),
                new("slow", 30, 2, 10_000, true, "slow average period, bars; above fast"),
                new("exponential", 0, 0, 1, true, "1 for EMAs, 0 for SMAs"),
            ],
            (p, o) => new DualMaCrossStrategy((int)p["fast"], (int)p["slow"], p["exponential"] == 1, o)),
        new("rsi-mean-reversion", "Buy when RSI falls below oversold, sell when it rises above overbought",
            [
                new("period", 14, 1, 10_000, true, "RSI period, bars"),
                new("oversold", 30, 0, 100, false, "buy level, 0–100"),
                new("overbought", 70, 0, 100, false, "sell level, 0–100; above oversold"),
            ],
            (p, o) => new RsiMeanReversionStrategy((int)p["period"], p["oversold"], p["overbought"], o)),
        new("lower-closes", "Buy after consecutive lower closes, sell after holding some bars (backtrader quickstart)",
            [
                new("declines", 2, 1, 100, true, "consecutive lower closes that trigger a buy"),
                new("hold", 5, 1, 10_000, true, "bars to hold after the buy fills"),
            ],
            (p, o) => new LowerClosesStrategy((int)p["declines"], (int)p["hold"], o),
            CanShort: false),
        new("relative-strength", "Hold a symbol only while it is the strongest of the run's symbols over the lookback (for symbols runs)",
            [new("lookback", 20, 1, 10_000, true, "bars between the two closes of the strength")],
            (p, o) => new RelativeStrengthStrategy((int)p["lookback"], o),
            CanShort: false),
    ];

    /// <summary>The strategy called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static StrategyDefinition? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}
