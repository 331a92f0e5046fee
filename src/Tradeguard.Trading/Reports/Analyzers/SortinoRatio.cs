namespace Tradeguard.Trading.Reports.Analyzers;

/// <summary>
/// The annualised Sortino ratio of the bar-to-bar returns (Sortino and Price, 1994; computed as empyrical's
/// <c>sortino_ratio</c> with <c>downside_risk</c>): mean(rᵢ − t) / DD × √P, where P is the bars per year
/// (<see cref="PerformanceMetrics.PeriodsPerYear"/>), the target t is the per-bar risk-free rate (the annual
/// <c>riskFreeRate</c> ÷ P, as for the Sharpe ratio) and the downside deviation DD = √(Σ min(0, rᵢ − t)² / N) is
/// taken over all N returns, those above the target counting as 0. Dimensionless.
/// </summary>
public static class SortinoRatio
{
    /// <summary>
    /// The ratio from the running sums of the excess returns; <c>null</c> when no return fell below the target
    /// (DD = 0, where the ratio is undefined) or there is no return.
    /// </summary>
    /// <param name="meanExcess">Mean of rᵢ − t, a fraction per bar.</param>
    /// <param name="downsideSquares">Σ min(0, rᵢ − t)².</param>
    /// <param name="count">N, the number of returns.</param>
    /// <param name="periodsPerYear">P, bars per year (252 for daily bars of a weekday market).</param>
    public static double? Of(double meanExcess, double downsideSquares, int count, double periodsPerYear)
    {
        if (count == 0 || downsideSquares <= 0)
        {
            return null;
        }

        return meanExcess / Math.Sqrt(downsideSquares / count) * Math.Sqrt(periodsPerYear);
    }
}
