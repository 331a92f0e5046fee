using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.WilliamsR;

/// <summary>
/// Williams %R (Larry Williams): −100 × (highest High − Close) / (highest High − lowest Low) over the last
/// <see cref="Period"/> bars, from −100 (close at the low) to 0 (close at the high); −100 when the range is empty,
/// which is the fast stochastic's raw %K − 100. Streaming, amortised O(1) per bar.
/// </summary>
public sealed class WilliamsR
{
    private readonly WindowExtreme highs;
    private readonly WindowExtreme lows;
    private int bars;

    /// <summary>Creates the oscillator.</summary>
    /// <param name="period">Bars in the high/low range, at least 1 (14 is the usual).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public WilliamsR(int period = 14)
    {
        Period = Periods.Require(period, nameof(period));
        highs = new WindowExtreme(period, highest: true);
        lows = new WindowExtreme(period, highest: false);
    }

    /// <summary>Bars in the high/low range.</summary>
    public int Period { get; }

    /// <summary>True once <see cref="Period"/> bars have been added.</summary>
    public bool IsReady => bars >= Period;

    /// <summary>The current reading in percent (−100 … 0); <see cref="double.NaN"/> until <see cref="IsReady"/>.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Adds the next bar and returns the updated <see cref="Value"/>.</summary>
    public double Add(double high, double low, double close)
    {
        var highest = highs.Add(high);
        var lowest = lows.Add(low);
        if (++bars < Period)
        {
            return Value;
        }

        var range = highest - lowest;
        Value = range > 0 ? -100 * (highest - close) / range : -100;
        return Value;
    }
}
