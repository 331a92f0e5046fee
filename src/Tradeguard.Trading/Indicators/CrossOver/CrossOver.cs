namespace Tradeguard.Trading.Indicators.CrossOver;

/// <summary>
/// Detects when one line crosses another: +1 when line A moves above line B, −1 when it moves below, 0 otherwise.
/// A cross needs the sign of the last non-zero difference A − B to change, so bars where the lines are equal are
/// skipped rather than counted as a cross (backtrader's CrossOver convention). Values that are NaN (an indicator
/// still warming up) are ignored. Streaming, O(1).
/// </summary>
public sealed class CrossOver
{
    private int lastSign;

    /// <summary>The result of the last <see cref="Add"/>: +1, −1 or 0.</summary>
    public int Value { get; private set; }

    /// <summary>Adds the next pair of values and returns +1 (A crossed above B), −1 (crossed below) or 0.</summary>
    public int Add(double a, double b)
    {
        var difference = a - b;
        Value = 0;
        if (double.IsNaN(difference) || difference == 0)
        {
            return Value;
        }

        var sign = difference > 0 ? 1 : -1;
        if (lastSign != 0 && sign != lastSign)
        {
            Value = sign;
        }

        lastSign = sign;
        return Value;
    }
}
