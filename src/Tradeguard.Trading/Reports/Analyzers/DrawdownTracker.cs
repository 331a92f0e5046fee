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

    // The drawdown under way.
    private int length;
    private double depth;
    private decimal money;

    /// <summary>Adds the equity at the next bar's close (quote currency).</summary>
    public void Add(decimal equity)
    {
        peak = Math.Max(peak, equity);
        var fall = peak - equity;
        if (fall <= 0)
        {
            Close();
            return;
        }

        // The fraction in doubles of the decimal amounts, as the metrics have always computed it.
        var fraction = peak > 0 ? ((double)peak - (double)equity) / (double)peak : 0;
        length++;
        depth = Math.Max(depth, fraction);
        money = Math.Max(money, fall);
        max = Math.Max(max, fraction);
        maxMoney = Math.Max(maxMoney, fall);
        maxLength = Math.Max(maxLength, length);
    }

    /// <summary>The figures so far, counting a drawdown still under way.</summary>
    public readonly DrawdownStatistics Result()
    {
        var copy = this;
        copy.Close();
        return copy.count == 0
            ? new DrawdownStatistics(0, 0, 0, 0, 0, 0, 0)
            : new DrawdownStatistics(max, maxMoney, maxLength, copy.count, copy.sumDepth / copy.count, copy.sumMoney / copy.count, (double)copy.sumLength / copy.count);
    }

    private void Close()
    {
        if (length == 0)
        {
            return;
        }

        count++;
        sumDepth += depth;
        sumMoney += money;
        sumLength += length;
        length = 0;
        depth = 0;
        money = 0;
    }
}
