namespace Tradeguard.Trading.Indicators.Common;

/// <summary>
/// A running sum with Neumaier's compensation, so a window sum kept by adding the new value and subtracting the old
/// one stays as exact as summing the window afresh (and does not drift over millions of bars).
/// </summary>
internal struct CompensatedSum
{
    private double sum;
    private double compensation;

    public readonly double Value => sum + compensation;

    public void Add(double value)
    {
        var total = sum + value;
        compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - total) + value : (value - total) + sum;
        sum = total;
    }
}
