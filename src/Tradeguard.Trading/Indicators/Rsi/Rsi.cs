using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Rsi;

/// <summary>
/// Relative strength index (Wilder, "New Concepts in Technical Trading Systems", 1978): 100 − 100 / (1 + RS), where RS
/// is the Wilder-smoothed mean gain over the Wilder-smoothed mean loss of the close-to-close changes. The first means
/// are simple means of the first <see cref="Period"/> changes, so the first value comes with value number Period + 1;
/// 100 when there were no losses. Streaming, O(1) per value; range 0–100.
/// </summary>
public sealed class Rsi
{
    private double previous = double.NaN;
    private double averageGain;
    private double averageLoss;
    private int changes;

    /// <summary>Creates the index.</summary>
    /// <param name="period">Look-back period in changes, at least 1 (14 is Wilder's).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public Rsi(int period = 14) => Period = Periods.Require(period, nameof(period));

    /// <summary>Look-back period in changes.</summary>
    public int Period { get; }

    /// <summary>True once <see cref="Period"/> changes (Period + 1 values) have been added.</summary>
    public bool IsReady => changes >= Period;

    /// <summary>The current index, 0–100; <see cref="double.NaN"/> until <see cref="IsReady"/>.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Adds the next value (usually a close) and returns the updated <see cref="Value"/>.</summary>
    public double Add(double value)
    {
        if (double.IsNaN(previous))
        {
            previous = value;
            return Value;
        }

        var change = value - previous;
        previous = value;
        var gain = change > 0 ? change : 0;
        var loss = change < 0 ? -change : 0;
        changes++;
        if (changes <= Period)
        {
            averageGain += gain / Period;
            averageLoss += loss / Period;
            if (changes < Period)
            {
                return Value;
            }
        }
        else
        {
            averageGain = ((averageGain * (Period - 1)) + gain) / Period;
            averageLoss = ((averageLoss * (Period - 1)) + loss) / Period;
        }

        Value = averageLoss > 0 ? 100 - (100 / (1 + (averageGain / averageLoss))) : 100;
        return Value;
    }
}
