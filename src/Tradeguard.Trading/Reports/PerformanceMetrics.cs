using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Reports;

/// <summary>
/// The summary figures of a run. Fractions are fractions (0.05 = 5 %), money is quote currency.
/// </summary>
/// <param name="StartValue">Starting cash.</param>
/// <param name="FinalValue">Cash plus position at the last close.</param>
/// <param name="TotalReturn">FinalValue / StartValue − 1.</param>
/// <param name="Cagr">Compound annual growth rate over the calendar span of the bars (365.25-day years); 0 for a span under one day.</param>
/// <param name="Sharpe">Annualised Sharpe ratio: mean of the bar-to-bar returns less the per-bar risk-free rate, over their sample standard deviation, × √252 (daily bars); 0 when returns do not vary.</param>
/// <param name="MaxDrawdown">Largest fall from a running peak of equity, as a fraction of that peak.</param>
/// <param name="TradeCount">Closed round trips.</param>
/// <param name="WinRate">Closed trades with a positive net P&amp;L, as a fraction of all closed trades; 0 with none.</param>
/// <param name="Exposure">Fraction of bars that ended with a position open.</param>
/// <param name="Fees">Commission paid.</param>
/// <param name="Bars">Bars in the run.</param>
public sealed record PerformanceMetrics(
    decimal StartValue,
    decimal FinalValue,
    double TotalReturn,
    double Cagr,
    double Sharpe,
    double MaxDrawdown,
    int TradeCount,
    double WinRate,
    double Exposure,
    decimal Fees,
    int Bars)
{
    /// <summary>Trading days per year used to annualise the Sharpe ratio.</summary>
    public const int PeriodsPerYear = 252;

    /// <summary>Computes the metrics of <paramref name="result"/>.</summary>
    /// <param name="result">The finished run.</param>
    /// <param name="riskFreeRate">Annual risk-free rate as a fraction (0.02 = 2 %); 0 by default.</param>
    public static PerformanceMetrics From(RunResult result, double riskFreeRate = 0)
    {
        var curve = result.EquityCurve;
        var start = (double)result.InitialCash;
        var final = (double)result.FinalValue;
        var totalReturn = start > 0 ? (final / start) - 1 : 0;

        var years = curve.Count > 1 ? (curve[^1].Time - curve[0].Time).TotalDays / 365.25 : 0;
        var cagr = years >= 1 / 365.25 && final > 0 && start > 0 ? Math.Pow(final / start, 1 / years) - 1 : 0;

        var perBarRiskFree = riskFreeRate / PeriodsPerYear;
        double mean = 0, squares = 0;
        var count = 0;
        var previous = start;
        var peak = start;
        var maxDrawdown = 0.0;
        var barsInPosition = 0;
        foreach (var point in curve)
        {
            var equity = (double)point.Equity;
            if (previous > 0)
            {
                // Welford's running mean and variance of the excess returns.
                var excess = (equity / previous) - 1 - perBarRiskFree;
                count++;
                var delta = excess - mean;
                mean += delta / count;
                squares += delta * (excess - mean);
            }

            previous = equity;
            peak = Math.Max(peak, equity);
            maxDrawdown = peak > 0 ? Math.Max(maxDrawdown, (peak - equity) / peak) : maxDrawdown;
            barsInPosition += point.Position != 0 ? 1 : 0;
        }

        var deviation = count > 1 ? Math.Sqrt(squares / (count - 1)) : 0;
        var sharpe = deviation > 0 ? mean / deviation * Math.Sqrt(PeriodsPerYear) : 0;
        var trades = result.Trades;
        var wins = trades.Count(t => t.NetPnl > 0);
        return new PerformanceMetrics(
            result.InitialCash,
            result.FinalValue,
            totalReturn,
            cagr,
            sharpe,
            maxDrawdown,
            trades.Count,
            trades.Count > 0 ? (double)wins / trades.Count : 0,
            curve.Count > 0 ? (double)barsInPosition / curve.Count : 0,
            result.TotalCommission,
            curve.Count);
    }
}
