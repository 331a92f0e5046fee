namespace Tradeguard.Trading.Reports.Analyzers;

/// <summary>
/// The Calmar ratio over the whole run (Terry Young, 1991, as empyrical's <c>calmar_ratio</c> computes it over the
/// series it is given): CAGR ÷ maximum drawdown, both fractions over the run's full span. Dimensionless.
/// This is not backtrader's <c>Calmar</c> analyzer, which reports a value per month from a rolling 36-month window
/// of monthly values (a log return per month over the window ÷ the running maximum drawdown in percent); one figure for
/// the run's whole span is what the rest of the summary reports, so that is what this gives.
/// </summary>
public static class CalmarRatio
{
    /// <summary>CAGR / maximum drawdown; <c>null</c> when the run never fell below a peak (maximum drawdown 0).</summary>
    /// <param name="cagr">Compound annual growth rate, a fraction per year.</param>
    /// <param name="maxDrawdown">Largest fall from a running peak, a fraction of that peak.</param>
    public static double? Of(double cagr, double maxDrawdown) => maxDrawdown > 0 ? cagr / maxDrawdown : null;
}
