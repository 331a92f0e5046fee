namespace Tradeguard.Trading.Indicators.Common;

/// <summary>The last <c>capacity</c> values of a series; the oldest is overwritten once full.</summary>
internal sealed class RingBuffer
{
    private readonly double[] values;
    private int next;

    public RingBuffer(int capacity) => values = new double[capacity];

    /// <summary>How many values have been added, up to the capacity.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count == values.Length;

    /// <summary>Adds <paramref name="value"/> and returns the value it pushed out (0 until the buffer is full).</summary>
    public double Push(double value)
    {
        var evicted = values[next];
        values[next] = value;
        next = next + 1 == values.Length ? 0 : next + 1;
        if (Count < values.Length)
        {
            Count++;
            return 0;
        }

        return evicted;
    }

    /// <summary>The value added <paramref name="back"/> values ago (0 is the newest); only for back &lt; Count.</summary>
    public double Ago(int back)
    {
        var index = next - 1 - back;
        return values[index < 0 ? index + values.Length : index];
    }
}
