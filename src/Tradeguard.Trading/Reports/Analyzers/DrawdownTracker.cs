namespace Tradeguard.Trading.Reports.Analyzers;

/// <summary>Builds <see cref="DrawdownStatistics"/> from an equity curve fed one close at a time (O(1) per bar).</summary>
/// <param name="start">The starting cash: the first peak.</param>
internal struct DrawdownTracker(decimal start)
{
    private decimal peak = start;
    private double max;
    private decimal maxMoney;
    private int maxLength;
    private int count;
    private double sumDepth;
    private decimal sumMoney;
    private long sumLength;

    // The drawdown under way: its peak is fixed while it lasts, so its deepest point, in money and as a fraction,
    // is its lowest equity, and a bar costs two comparisons.
    private int length;
    private decimal trough;

    /// <summary>Adds the equity at the next bar's close (quote currency).</summary>
    public void Add(decimal equity)
    {
        if (equity >= peak)
        {
            Close();
            peak = equity;
            return;
        }

        if (length == 0 || equity < trough)
        {
            trough = equity;
        }

        length++;
    }

    /// <summary>The figures so far, counting a drawdown still under way.</summary>
    public readonly DrawdownStatistics Result()
    {
        var copy = this;
        copy.Close();
        return copy.count == 0
            ? new DrawdownStatistics(0, 0, 0, 0, 0, 0, 0)
            : new DrawdownStatistics(copy.max, copy.maxMoney, copy.maxLength, copy.count, copy.sumDepth / copy.count, copy.sumMoney / copy.count,
                (double)copy.sumLength / copy.count);
    }

    private void Close()
    {
        if (length == 0)
        {
            return;
        }

        // The fraction in doubles of the decimal amounts, as the metrics have always computed it.
        var depth = peak > 0 ? ((double)peak - (double)trough) / (double)peak : 0;
        var money = peak - trough;
        count++;
        sumDepth += depth;
        sumMoney += money;
        sumLength += length;
        max = Math.Max(max, depth);
        maxMoney = Math.Max(maxMoney, money);
        maxLength = Math.Max(maxLength, length);
        length = 0;
    }
}
