using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Smma;

/// <summary>
/// Smoothed moving average (Wilder's smoothing, also "RMA" or "modified moving average"): the first value is the
/// simple mean of the first <see cref="Period"/> values, then SMMA = (SMMA·(Period − 1) + value) / Period, i.e. an
/// EMA with α = 1 / Period. backtrader calls it SmoothedMovingAverage. Streaming, O(1) per value.
/// </summary>
public sealed class Smma
{
    private readonly Sma.Sma seed;
    private int count;

    /// <summary>Creates the average.</summary>
    /// <param name="period">Values in the seed and the smoothing period, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public Smma(int period)
    {
        Period = Periods.Require(period, nameof(period));
        seed = new Sma.Sma(period);
    }

    /// <summary>The smoothing period.</summary>
    public int Period { get; }

    /// <summary>True once <see cref="Period"/> values have been added.</summary>
    public bool IsReady => count >= Period;

    /// <summary>The current average; <see cref="double.NaN"/> until <see cref="IsReady"/>.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Adds the next value and returns the updated <see cref="Value"/>.</summary>
    public double Add(double value)
    {
        count++;
        Value = count <= Period ? seed.Add(value) : ((Value * (Period - 1)) + value) / Period;
        return Value;
    }
}
