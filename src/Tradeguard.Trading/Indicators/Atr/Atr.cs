using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Atr;

/// <summary>
/// Average true range (Wilder, 1978). True range = max(High − Low, |High − previous Close|, |Low − previous Close|),
/// defined from the second bar on; the first ATR is the simple mean of the first <see cref="Period"/> true ranges
/// (so it comes with bar number Period + 1), then ATR = (ATR·(Period − 1) + TR) / Period. Streaming, O(1) per bar,
/// in price units.
/// </summary>
public sealed class Atr
{
    private double previousClose = double.NaN;
    private double sum;
    private int ranges;

    /// <summary>Creates the average.</summary>
    /// <param name="period">Look-back period in true ranges, at least 1 (14 is Wilder's).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public Atr(int period = 14) => Period = Periods.Require(period, nameof(period));

    /// <summary>Look-back period in true ranges.</summary>
    public int Period { get; }

    /// <summary>True once <see cref="Period"/> true ranges have been seen.</summary>
    public bool IsReady => ranges >= Period;

    /// <summary>The current average true range; <see cref="double.NaN"/> until <see cref="IsReady"/>.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Adds the next bar and returns the updated <see cref="Value"/>.</summary>
    public double Add(double high, double low, double close)
    {
        if (double.IsNaN(previousClose))
        {
            previousClose = close;
            return Value;
        }

        var trueRange = Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));
        previousClose = close;
        ranges++;
        if (ranges < Period)
        {
            sum += trueRange;
        }
        else if (ranges == Period)
        {
            Value = (sum + trueRange) / Period;
        }
        else
        {
            Value = ((Value * (Period - 1)) + trueRange) / Period;
        }

        return Value;
    }
}
