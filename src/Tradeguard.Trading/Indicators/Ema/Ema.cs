using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Ema;

/// <summary>
/// Exponential moving average with smoothing k = 2 / (period + 1), seeded with the simple mean of the first
/// <see cref="Period"/> values (the convention of Stock.Indicators and TA-Lib). Streaming, O(1) per value.
/// </summary>
public sealed class Ema
{
    private readonly double k;
    private CompensatedSum seed;
    private int count;

    /// <summary>Creates the average.</summary>
    /// <param name="period">Look-back period, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public Ema(int period)
    {
        Period = Periods.Require(period, nameof(period));
        k = 2.0 / (period + 1);
    }

    /// <summary>Look-back period.</summary>
    public int Period { get; }

    /// <summary>True once <see cref="Period"/> values have been added.</summary>
    public bool IsReady => count >= Period;

    /// <summary>The current average; <see cref="double.NaN"/> until <see cref="IsReady"/>.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Adds the next value and returns the updated <see cref="Value"/>.</summary>
    public double Add(double value)
    {
        count++;
        if (count < Period)
        {
            seed.Add(value);
        }
        else if (count == Period)
        {
            seed.Add(value);
            Value = seed.Value / Period;
        }
        else
        {
            Value += k * (value - Value);
        }

        return Value;
    }
}
