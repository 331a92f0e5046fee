using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Extremes;

/// <summary>
/// The highest (<see cref="Highest"/>) or lowest (<see cref="Lowest"/>) of the last <see cref="Period"/> values, the
/// current one included: backtrader's Highest/MaxN and Lowest/MinN. The Donchian channel's upper and lower bands are
/// the highest high and lowest low up to the previous bar. Streaming, amortised O(1) per value.
/// </summary>
public sealed class Extreme
{
    private readonly WindowExtreme window;
    private int count;

    private Extreme(int period, bool highest)
    {
        Period = Periods.Require(period, nameof(period));
        window = new WindowExtreme(period, highest);
    }

    /// <summary>Creates the highest-value indicator.</summary>
    /// <param name="period">Values in the window, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public static Extreme Highest(int period) => new(period, highest: true);

    /// <summary>Creates the lowest-value indicator.</summary>
    /// <param name="period">Values in the window, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public static Extreme Lowest(int period) => new(period, highest: false);

    /// <summary>Values in the window.</summary>
    public int Period { get; }

    /// <summary>True once <see cref="Period"/> values have been added.</summary>
    public bool IsReady => count >= Period;

    /// <summary>The extreme of the window; <see cref="double.NaN"/> until <see cref="IsReady"/>.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Adds the next value and returns the updated <see cref="Value"/>.</summary>
    public double Add(double value)
    {
        var extreme = window.Add(value);
        Value = ++count >= Period ? extreme : double.NaN;
        return Value;
    }
}
