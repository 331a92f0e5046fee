namespace Tradeguard.Trading.Engine;

/// <summary>How far a run has got.</summary>
/// <param name="BarsDone">Bars processed so far.</param>
/// <param name="BarsTotal">Bars in the run.</param>
public readonly record struct RunProgress(int BarsDone, int BarsTotal)
{
    /// <summary>Fraction done, 0–1.</summary>
    public double Fraction => BarsTotal == 0 ? 1 : (double)BarsDone / BarsTotal;
}
