using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Sma;

/// <summary>
/// Simple moving average: the arithmetic mean of the last <see cref="Period"/> values. Streaming, O(1) per value;
/// the window sum is compensated (Neumaier) so it matches a fresh sum of the window.
/// </summary>
public sealed class Sma
{
    private readonly RingBuffer window;
    private CompensatedSum sum;

    /// <summary>Creates the average.</summary>
    /// <param name="period">Values in the window, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public Sma(int period)
    {
        Period = Periods.Require(period, nameof(period));
        window = new RingBuffer(period);
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
        var evicted = window.Push(value);
        sum.Add(value);
        if (wasFull)
        {
            sum.Add(-evicted);
        }

        Value = window.IsFull ? sum.Value / Period : double.NaN;
        return Value;
    }
}
