using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Cci;

/// <summary>
/// Commodity channel index (Lambert, 1980): with typical price TP = (High + Low + Close) / 3 over the last
/// <see cref="Period"/> bars, CCI = (TP − mean TP) / (0.015 × mean absolute deviation of TP from that mean);
/// 0 when the deviation is 0. Dimensionless. Streaming: O(Period) per bar, because the mean deviation is measured
/// from the current mean.
/// </summary>
public sealed class Cci
{
    private const double LambertConstant = 0.015;
    private readonly RingBuffer window;
    private readonly Sma.Sma mean;

    /// <summary>Creates the index.</summary>
    /// <param name="period">Bars in the window, at least 1 (20 is Lambert's).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public Cci(int period = 20)
    {
        Period = Periods.Require(period, nameof(period));
        window = new RingBuffer(period);
        mean = new Sma.Sma(period);
    }

    /// <summary>Bars in the window.</summary>
    public int Period { get; }

    /// <summary>True once <see cref="Period"/> bars have been added.</summary>
    public bool IsReady => window.IsFull;

    /// <summary>The current index; <see cref="double.NaN"/> until <see cref="IsReady"/>.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Adds the next bar and returns the updated <see cref="Value"/>.</summary>
    public double Add(double high, double low, double close)
    {
        var typical = (high + low + close) / 3;
        window.Push(typical);
        var average = mean.Add(typical);
        if (!window.IsFull)
        {
            return Value;
        }

        var deviation = 0.0;
        for (var back = 0; back < Period; back++)
        {
            deviation += Math.Abs(window.Ago(back) - average);
        }

        deviation /= Period;
        Value = deviation == 0 ? 0 : (typical - average) / (LambertConstant * deviation);
        return Value;
    }
}
