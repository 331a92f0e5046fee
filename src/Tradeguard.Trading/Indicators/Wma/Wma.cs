using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Wma;

/// <summary>
/// Linearly weighted moving average: the newest of the last <see cref="Period"/> values weighs <c>Period</c>, the
/// oldest 1, divided by Period·(Period+1)/2. Streaming, O(1) per value: the weighted sum drops the plain window sum
/// and adds Period × the new value.
/// </summary>
public sealed class Wma
{
    private readonly RingBuffer window;
    private readonly double divisor;
    private CompensatedSum sum;
    private CompensatedSum weighted;

    /// <summary>Creates the average.</summary>
    /// <param name="period">Values in the window, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public Wma(int period)
    {
        Period = Periods.Require(period, nameof(period));
        window = new RingBuffer(period);
        divisor = period * (period + 1) / 2.0;
    }

    /// <summary>Values in the window.</summary>
    public int Period { get; }

    /// <summary>True once <see cref="Period"/> values have been added.</summary>
    public bool IsReady => window.IsFull;

    /// <summary>The current average; <see cref="double.NaN"/> until <see cref="IsReady"/>.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Adds the next value and returns the updated <see cref="Value"/>.</summary>
    public double Add(double value)
    {
        var wasFull = window.IsFull;
        var filled = window.Count;
        var evicted = window.Push(value);

        // Once full, every older value loses one weight (minus the window sum, which also drops the evicted value's
        // weight of 1) and the new value enters with the top weight; while filling, the i-th value gets weight i.
        if (wasFull)
        {
            weighted.Add(-sum.Value);
            sum.Add(-evicted);
            weighted.Add(Period * value);
        }
        else
        {
            weighted.Add((filled + 1) * value);
        }

        sum.Add(value);
        Value = window.IsFull ? weighted.Value / divisor : double.NaN;
        return Value;
    }
}
