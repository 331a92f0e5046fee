using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Atr;

/// <summary>
/// Average true range (Wilder, 1978): the Wilder-smoothed <see cref="TrueRange.TrueRange"/>. The first ATR is the
/// simple mean of the first <see cref="Period"/> true ranges (so it comes with bar number Period + 1), then
/// ATR = (ATR·(Period − 1) + TR) / Period. Streaming, O(1) per bar, in price units.
/// </summary>
public sealed class Atr
{
    private readonly TrueRange.TrueRange trueRange = new();
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
        var range = trueRange.Add(high, low, close);
        if (double.IsNaN(range))
        {
            return Value;
        }

        ranges++;
        if (ranges < Period)
        {
            sum += range;
        }
        else if (ranges == Period)
        {
            Value = (sum + range) / Period;
        }
        else
        {
            Value = ((Value * (Period - 1)) + range) / Period;
        }

        return Value;
    }
}
