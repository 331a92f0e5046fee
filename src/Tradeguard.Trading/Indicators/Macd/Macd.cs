using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Macd;

/// <summary>
/// Moving average convergence/divergence (Appel, 1979): MACD = EMA(fast) − EMA(slow) of the values, signal =
/// EMA(signal period) of MACD, each EMA seeded with the simple mean of its first values (so the signal's seed is the
/// SMA of the first 9 MACD values by default). Streaming, O(1) per value.
/// </summary>
public sealed class Macd
{
    private readonly Ema.Ema fast;
    private readonly Ema.Ema slow;
    private readonly Ema.Ema signal;

    /// <summary>Creates the indicator; the classic parameters are 12, 26, 9.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A period is below 1, or <paramref name="fastPeriod"/> is not below <paramref name="slowPeriod"/>.</exception>
    public Macd(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        Periods.Require(fastPeriod, nameof(fastPeriod));
        Periods.Require(slowPeriod, nameof(slowPeriod), fastPeriod + 1);
        fast = new Ema.Ema(fastPeriod);
        slow = new Ema.Ema(slowPeriod);
        signal = new Ema.Ema(Periods.Require(signalPeriod, nameof(signalPeriod)));
    }

    /// <summary>True once the signal line has a value.</summary>
    public bool IsReady => signal.IsReady;

    /// <summary>The current reading.</summary>
    public MacdValue Value { get; private set; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Adds the next value (usually a close) and returns the updated <see cref="Value"/>.</summary>
    public MacdValue Add(double value)
    {
        var fastEma = fast.Add(value);
        var slowEma = slow.Add(value);
        if (!slow.IsReady)
        {
            Value = Value with { FastEma = fastEma };
            return Value;
        }

        var macd = fastEma - slowEma;
        var signalValue = signal.Add(macd);
        Value = new MacdValue(macd, signalValue, macd - signalValue, fastEma, slowEma);
        return Value;
    }
}
