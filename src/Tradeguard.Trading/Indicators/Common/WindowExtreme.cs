namespace Tradeguard.Trading.Indicators.Common;

/// <summary>
/// The highest (or lowest) of the last <c>period</c> values in amortised O(1) per value: a monotonic queue of
/// candidates, where a new value evicts every older candidate it dominates.
/// </summary>
internal sealed class WindowExtreme
{
    private readonly int period;
    private readonly bool highest;
    private readonly double[] values;
    private readonly long[] positions;
    private int head;
    private int count;
    private long position;

    public WindowExtreme(int period, bool highest)
    {
        this.period = period;
        this.highest = highest;
        values = new double[period + 1];
        positions = new long[period + 1];
    }

    public double Add(double value)
    {
        while (count > 0)
        {
            var tail = (head + count - 1) % values.Length;
            if (highest ? values[tail] > value : values[tail] < value)
            {
                break;
            }

            count--;
        }

        var slot = (head + count) % values.Length;
        values[slot] = value;
        positions[slot] = position;
        count++;
        if (positions[head] <= position - period)
        {
            head = (head + 1) % values.Length;
            count--;
        }

        position++;
        return values[head];
    }
}
