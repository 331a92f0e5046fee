namespace Tradeguard.Trading.Indicators.ParabolicSar;

/// <summary>
/// Parabolic stop-and-reverse (Wilder, 1978), in price units. The first bar starts a guessed rising trend (SAR = its
/// Low, extreme point = its High); each next bar moves SAR = SAR + AF × (EP − SAR), capped by the two previous lows
/// in a rising trend (highs in a falling one); a bar that crosses SAR reverses the trend, SAR becomes the old extreme
/// point and AF restarts at <see cref="Step"/>; a new extreme raises AF by Step up to <see cref="MaxFactor"/>.
/// The guessed first trend, up to and including the bar of its first reversal, is not reported (its SAR depends on
/// the guess), as Stock.Indicators publishes it.
/// Streaming, O(1) per bar.
/// </summary>
public sealed class ParabolicSar
{
    private double factor;
    private double extremePoint;
    private double priorSar;
    private bool rising = true;
    private bool reversedOnce;
    private int bars;
    private double high1;
    private double high2;
    private double low1;
    private double low2;

    /// <summary>Creates the indicator; Wilder's parameters are 0.02 and 0.2.</summary>
    /// <param name="step">Acceleration step and initial factor, a fraction above 0.</param>
    /// <param name="maxFactor">Largest acceleration factor, a fraction not below <paramref name="step"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not above 0, or <paramref name="step"/> exceeds <paramref name="maxFactor"/>.</exception>
    public ParabolicSar(double step = 0.02, double maxFactor = 0.2)
    {
        if (!(step > 0) || double.IsInfinity(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "step must be above 0");
        }

        if (!(maxFactor >= step) || double.IsInfinity(maxFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(maxFactor), maxFactor, "maxFactor must be at least step");
        }

        Step = step;
        MaxFactor = maxFactor;
        factor = step;
    }

    /// <summary>Acceleration step and initial factor (fraction).</summary>
    public double Step { get; }

    /// <summary>Largest acceleration factor (fraction).</summary>
    public double MaxFactor { get; }

    /// <summary>True from the bar after the first reversal on.</summary>
    public bool IsReady { get; private set; }

    /// <summary>The current reading; SAR is <see cref="double.NaN"/> (and no reversal is reported) until <see cref="IsReady"/>.</summary>
    public ParabolicSarValue Value { get; private set; } = new(double.NaN, false);

    /// <summary>Adds the next bar and returns the updated <see cref="Value"/>.</summary>
    public ParabolicSarValue Add(double high, double low)
    {
        if (++bars == 1)
        {
            extremePoint = high;
            priorSar = low;
            Remember(high, low);
            return Value;
        }

        IsReady = reversedOnce;
        var sar = rising
            ? priorSar + (factor * (extremePoint - priorSar))
            : priorSar - (factor * (priorSar - extremePoint));
        if (bars >= 3)
        {
            sar = rising ? Math.Min(sar, Math.Min(low1, low2)) : Math.Max(sar, Math.Max(high1, high2));
        }

        var reversal = rising ? low < sar : high > sar;
        if (reversal)
        {
            sar = extremePoint;
            rising = !rising;
            factor = Step;
            extremePoint = rising ? high : low;
            reversedOnce = true;
        }
        else if (rising ? high > extremePoint : low < extremePoint)
        {
            extremePoint = rising ? high : low;
            factor = Math.Min(factor + Step, MaxFactor);
        }

        priorSar = sar;
        Remember(high, low);
        Value = new ParabolicSarValue(IsReady ? sar : double.NaN, IsReady && reversal);
        return Value;
    }

    private void Remember(double high, double low)
    {
        (high2, high1) = (high1, high);
        (low2, low1) = (low1, low);
    }
}
