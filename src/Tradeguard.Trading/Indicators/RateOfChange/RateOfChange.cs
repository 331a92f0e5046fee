using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.RateOfChange;

/// <summary>
/// Momentum and rate of change over <see cref="Period"/> values: momentum = value − value Period values ago (price
/// units); rate of change = 100 × momentum / value Period values ago (percent, as Stock.Indicators' ROC; backtrader's
/// RateOfChange is the same ratio as a fraction, i.e. this ÷ 100). Streaming, O(1) per value.
/// </summary>
public sealed class RateOfChange
{
    private readonly RingBuffer window;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">How many values back the comparison reaches, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public RateOfChange(int period)
    {
        Period = Periods.Require(period, nameof(period));
        window = new RingBuffer(period);
    }

    /// <summary>How many values back the comparison reaches.</summary>
    public int Period { get; }

    /// <summary>True once a value <see cref="Period"/> values back exists.</summary>
    public bool IsReady => !double.IsNaN(Value.Momentum);

    /// <summary>The current reading; both parts <see cref="double.NaN"/> until <see cref="IsReady"/>.</summary>
    public RateOfChangeValue Value { get; private set; } = new(double.NaN, double.NaN);

    /// <summary>Adds the next value and returns the updated <see cref="Value"/>.</summary>
    public RateOfChangeValue Add(double value)
    {
        var wasFull = window.IsFull;
        var past = window.Push(value);
        if (wasFull)
        {
            var momentum = value - past;
            Value = new RateOfChangeValue(momentum, past == 0 ? double.NaN : 100 * momentum / past);
        }

        return Value;
    }
}
