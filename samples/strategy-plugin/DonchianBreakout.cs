using Tradeguard.Trading.Data;
using Tradeguard.Trading.Indicators.Extremes;
using Tradeguard.Trading.Strategies;

namespace StrategyPlugin;

/// <summary>
/// Donchian channel breakout (the Turtle traders' entry): buy when the close rises above the highest high of the
/// previous <c>entry</c> bars, sell the position when it falls below the lowest low of the previous <c>exit</c> bars.
/// Short and both directions mirror it through <see cref="SignalOrders"/>.
/// </summary>
public sealed class DonchianBreakout : Strategy
{
    private readonly Extreme upper;
    private readonly Extreme lower;
    private readonly SignalOrders orders;

    /// <summary>The plugin contract's constructor: the config's <c>strategy.parameters</c> and its direction and orders.</summary>
    /// <param name="parameters"><c>entry</c> (default 20) and <c>exit</c> (default 10): channel lengths in bars, whole, 1 to 10000.</param>
    /// <param name="orders">The config's <c>strategy.direction</c> and <c>strategy.orders</c>.</param>
    /// <exception cref="ArgumentException">An unknown parameter or a length that is not a whole number from 1 to 10000.</exception>
    public DonchianBreakout(IReadOnlyDictionary<string, double> parameters, SignalOrders orders)
    {
        foreach (var name in parameters.Keys.Where(k => k is not ("entry" or "exit")))
        {
            throw new ArgumentException($"unknown parameter {name}: DonchianBreakout takes entry and exit");
        }

        upper = Extreme.Highest(Length(parameters, "entry", 20));
        lower = Extreme.Lowest(Length(parameters, "exit", 10));
        this.orders = orders;
    }

    /// <inheritdoc />
    public override string Name => $"donchian-breakout(entry={upper.Period}, exit={lower.Period}{orders.NameSuffix()})";

    /// <inheritdoc />
    public override void OnBar(StrategyContext context, in Bar bar)
    {
        // The channel is the bars before this one: compare first, then add this bar.
        var close = (double)bar.Close;
        var signal = upper.IsReady && close > upper.Value ? 1 : lower.IsReady && close < lower.Value ? -1 : 0;
        upper.Add((double)bar.High);
        lower.Add((double)bar.Low);
        if (signal != 0 && !context.HasWorkingOrders)
        {
            orders.Act(context, bar, signal);
        }
    }

    private static int Length(IReadOnlyDictionary<string, double> parameters, string name, int fallback)
    {
        var value = parameters.TryGetValue(name, out var given) ? given : fallback;
        return value >= 1 && value <= 10_000 && value == Math.Floor(value)
            ? (int)value
            : throw new ArgumentException($"{name} must be a whole number of bars from 1 to 10000 (got {value})");
    }
}
