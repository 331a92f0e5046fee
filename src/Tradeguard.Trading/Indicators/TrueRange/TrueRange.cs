namespace Tradeguard.Trading.Indicators.TrueRange;

/// <summary>
/// True range (Wilder, 1978): max(High − Low, |High − previous Close|, |Low − previous Close|), in price units.
/// Defined from the second bar on (the first bar has no previous close). Streaming, O(1) per bar; the building block
/// of ATR and ADX.
/// </summary>
public sealed class TrueRange
{
    private double previousClose = double.NaN;

    /// <summary>True once a bar with a previous close has been added.</summary>
    public bool IsReady => !double.IsNaN(Value);

    /// <summary>The latest true range; <see cref="double.NaN"/> on the first bar.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Adds the next bar and returns the updated <see cref="Value"/>.</summary>
    public double Add(double high, double low, double close)
    {
        if (!double.IsNaN(previousClose))
        {
            Value = Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));
        }

        previousClose = close;
        return Value;
    }
}
