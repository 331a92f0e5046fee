using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Bollinger;

/// <summary>
/// Bollinger bands (John Bollinger): the SMA of the last <see cref="Period"/> values ± <see cref="Width"/> population
/// standard deviations of the same window. Streaming, O(1) per value: the window's mean and sum of squared deviations
/// are updated in place when a value replaces the oldest (a sliding form of Welford's method).
/// </summary>
public sealed class Bollinger
{
    private readonly RingBuffer window;
    private double mean;
    private double squaredDeviations;

    /// <summary>Creates the bands; the classic parameters are 20 and 2.</summary>
    /// <param name="period">Values in the window, at least 2.</param>
    /// <param name="width">Standard deviations from the middle to each band, above 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    public Bollinger(int period = 20, double width = 2)
    {
        Period = Periods.Require(period, nameof(period), 2);
        Width = width > 0 ? width : throw new ArgumentOutOfRangeException(nameof(width), width, "width must be above 0");
        window = new RingBuffer(period);
    }

    /// <summary>Values in the window.</summary>
    public int Period { get; }

    /// <summary>Standard deviations from the middle to each band.</summary>
    public double Width { get; }

    /// <summary>True once <see cref="Period"/> values have been added.</summary>
    public bool IsReady => window.IsFull;

    /// <summary>The current bands.</summary>
    public BollingerValue Value { get; private set; } = new(double.NaN, double.NaN, double.NaN);

    /// <summary>Adds the next value and returns the updated <see cref="Value"/>.</summary>
    public BollingerValue Add(double value)
    {
        var wasFull = window.IsFull;
        var evicted = window.Push(value);
        if (wasFull)
        {
            var oldMean = mean;
            mean += (value - evicted) / Period;
            squaredDeviations += (value - evicted) * (value - mean + evicted - oldMean);
        }
        else
        {
            var delta = value - mean;
            mean += delta / window.Count;
            squaredDeviations += delta * (value - mean);
        }

        if (!window.IsFull)
        {
            return Value;
        }

        var deviation = Math.Sqrt(Math.Max(0, squaredDeviations / Period));
        Value = new BollingerValue(mean, mean + (Width * deviation), mean - (Width * deviation));
        return Value;
    }
}
