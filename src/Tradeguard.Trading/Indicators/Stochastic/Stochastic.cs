using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Stochastic;

/// <summary>
/// Stochastic oscillator (George Lane): raw %K = 100 × (Close − lowest Low) / (highest High − lowest Low) over the
/// last <c>lookback</c> bars (0 when the range is empty), %K = SMA(<c>smoothing</c>) of raw %K ("slow" stochastic;
/// 1 gives the fast one), %D = SMA(<c>signal</c>) of %K. Streaming, O(1) amortised per bar.
/// </summary>
public sealed class Stochastic
{
    private readonly WindowExtreme highs;
    private readonly WindowExtreme lows;
    private readonly Sma.Sma k;
    private readonly Sma.Sma d;
    private readonly int lookback;
    private int bars;

    /// <summary>Creates the oscillator; the classic parameters are 14, 3, 3.</summary>
    /// <param name="lookback">Bars in the high/low range, at least 1.</param>
    /// <param name="signal">%K values averaged into %D, at least 1.</param>
    /// <param name="smoothing">Raw %K values averaged into %K, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A period is below 1.</exception>
    public Stochastic(int lookback = 14, int signal = 3, int smoothing = 3)
    {
        this.lookback = Periods.Require(lookback, nameof(lookback));
        highs = new WindowExtreme(lookback, highest: true);
        lows = new WindowExtreme(lookback, highest: false);
        k = new Sma.Sma(Periods.Require(smoothing, nameof(smoothing)));
        d = new Sma.Sma(Periods.Require(signal, nameof(signal)));
    }

    /// <summary>True once %D has a value.</summary>
    public bool IsReady => d.IsReady;

    /// <summary>The current reading.</summary>
    public StochasticValue Value { get; private set; } = new(double.NaN, double.NaN);

    /// <summary>Adds the next bar and returns the updated <see cref="Value"/>.</summary>
    public StochasticValue Add(double high, double low, double close)
    {
        var highest = highs.Add(high);
        var lowest = lows.Add(low);
        if (++bars < lookback)
        {
            return Value;
        }

        var range = highest - lowest;
        var raw = range > 0 ? 100 * (close - lowest) / range : 0;
        var smoothed = k.Add(raw);
        if (!k.IsReady)
        {
            return Value;
        }

        Value = new StochasticValue(smoothed, d.Add(smoothed));
        return Value;
    }
}
