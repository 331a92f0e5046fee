using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Reports.Analyzers;

namespace Tradeguard.Trading.Reports;

/// <summary>
/// The summary figures of a run. Fractions are fractions (0.05 = 5 %), money is quote currency.
/// </summary>
/// <param name="StartValue">Starting cash.</param>
/// <param name="FinalValue">Cash plus position at the last close.</param>
/// <param name="TotalReturn">FinalValue / StartValue − 1.</param>
/// <param name="Cagr">Compound annual growth rate over the calendar span of the bars (365.25-day years); 0 for a span under one day.</param>
/// <param name="Sharpe">
/// Annualised Sharpe ratio: mean of the bar-to-bar returns less the per-bar risk-free rate (annual rate ÷
/// <paramref name="PeriodsPerYear"/>), over their sample standard deviation, × √<paramref name="PeriodsPerYear"/>;
/// 0 when returns do not vary.
/// </param>
/// <param name="Sortino">Annualised Sortino ratio of the same returns against the same per-bar target (see <see cref="SortinoRatio"/>); <c>null</c> when no return fell below the target.</param>
/// <param name="Calmar">CAGR / <see cref="MaxDrawdown"/> over the whole run (see <see cref="CalmarRatio"/>); <c>null</c> without a drawdown.</param>
/// <param name="Drawdown">Drawdown figures: maximum (fraction and money), longest (bars) and averages.</param>
/// <param name="TradeCount">Closed round trips.</param>
/// <param name="WinRate">Closed trades with a positive net P&amp;L, as a fraction of all closed trades; 0 with none.</param>
/// <param name="Trades">Figures over the closed trades: SQN, profit factor, expectancy, gross profit and loss.</param>
/// <param name="Exposure">Fraction of bars that ended with a position open.</param>
/// <param name="Fees">Commission paid.</param>
/// <param name="Bars">Bars in the run.</param>
/// <param name="AnnualReturns">The return of each calendar year of the run, in order (backtrader's <c>AnnualReturn</c>).</param>
/// <param name="MonthlyReturns">The return of each calendar month of the run, in order.</param>
/// <param name="PeriodsPerYear">
/// Bars per year the Sharpe and Sortino ratios were annualised with: <c>report.periodsPerYear</c>, else read from the
/// bars by <see cref="Annualisation.PeriodsPerYear"/> (252 for daily bars of a market closed at weekends, 365 for
/// daily bars that trade 24/7, 8,760 for hourly 24/7 bars).
/// </param>
public sealed record PerformanceMetrics(
    decimal StartValue,
    decimal FinalValue,
    double TotalReturn,
    double Cagr,
    double Sharpe,
    double? Sortino,
    double? Calmar,
    DrawdownStatistics Drawdown,
    int TradeCount,
    double WinRate,
    TradeStatistics Trades,
    double Exposure,
    decimal Fees,
    int Bars,
    IReadOnlyList<PeriodReturn> AnnualReturns,
    IReadOnlyList<PeriodReturn> MonthlyReturns,
    double PeriodsPerYear)
{
    /// <summary>Largest fall from a running peak of equity, as a fraction of that peak (<see cref="DrawdownStatistics.Max"/>).</summary>
    public double MaxDrawdown => Drawdown.Max;

    /// <summary>Computes the metrics of <paramref name="result"/>.</summary>
    /// <param name="result">The finished run.</param>
    /// <param name="riskFreeRate">Annual risk-free rate as a fraction (0.02 = 2 %); 0 by default.</param>
    /// <param name="periodsPerYear">Bars per year for annualising, above 0; null reads it from the bars (<see cref="Annualisation"/>).</param>
    public static PerformanceMetrics From(RunResult result, double riskFreeRate = 0, double? periodsPerYear = null)
    {
        var curve = result.EquityCurve;
        var start = (double)result.InitialCash;
        var final = (double)result.FinalValue;
        var totalReturn = start > 0 ? (final / start) - 1 : 0;

        var years = curve.Count > 1 ? (curve[^1].Time - curve[0].Time).TotalDays / 365.25 : 0;
        var cagr = years >= 1 / 365.25 && final > 0 && start > 0 ? Math.Pow(final / start, 1 / years) - 1 : 0;

        var perYear = periodsPerYear ?? (curve is EquityCurve bars
            ? Annualisation.PeriodsPerYear(bars.Count, bars.TimeAt)
            : Annualisation.PeriodsPerYear(curve.Count, i => curve[i].Time));
        var stats = new CurveStats(result.InitialCash, riskFreeRate / perYear);
        stats = curve is EquityCurve points ? stats.AddAll(points.GetEnumerator()) : stats.AddAll(curve.GetEnumerator());
        var deviation = stats.Count > 1 ? Math.Sqrt(stats.Squares / (stats.Count - 1)) : 0;
        var sharpe = deviation > 0 ? stats.Mean / deviation * Math.Sqrt(perYear) : 0;
        var drawdown = stats.Drawdown.Result();
        var trades = TradeStatistics.From(result.Trades);
        var tradeCount = result.Trades.Count;
        return new PerformanceMetrics(
            result.InitialCash,
            result.FinalValue,
            totalReturn,
            cagr,
            sharpe,
            SortinoRatio.Of(stats.Mean, stats.DownsideSquares, stats.Count, perYear),
            CalmarRatio.Of(cagr, drawdown.Max),
            drawdown,
            tradeCount,
            tradeCount > 0 ? (double)trades.Winners / tradeCount : 0,
            trades,
            curve.Count > 0 ? (double)stats.BarsInPosition / curve.Count : 0,
            result.TotalCommission,
            curve.Count,
            stats.Years.Result(),
            stats.Months.Result(),
            perYear);
    }

    /// <summary>Running figures over the equity curve, fed one point at a time: one pass for every curve figure.</summary>
    private struct CurveStats(decimal start, double perBarRiskFree)
    {
        private double previous = (double)start;

        public double Mean { get; private set; }

        public double Squares { get; private set; }

        public double DownsideSquares { get; private set; }

        public int Count { get; private set; }

        public int BarsInPosition { get; private set; }

        public DrawdownTracker Drawdown = new(start);

        public readonly PeriodReturns Years = new(CalendarPeriod.Year, start);

        public readonly PeriodReturns Months = new(CalendarPeriod.Month, start);

        // Generic over the enumerator so that the equity curve's struct enumerator is called directly, not per bar
        // through the interface.
        public CurveStats AddAll<TEnumerator>(TEnumerator points)
            where TEnumerator : IEnumerator<EquityPoint>
        {
            using (points)
            {
                while (points.MoveNext())
                {
                    Add(points.Current);
                }
            }

            return this;
        }

        private void Add(EquityPoint point)
        {
            var equity = (double)point.Equity;
            if (previous > 0)
            {
                // Welford's running mean and variance of the excess returns.
                var excess = (equity / previous) - 1 - perBarRiskFree;
                Count++;
                var delta = excess - Mean;
                Mean += delta / Count;
                Squares += delta * (excess - Mean);
                DownsideSquares += excess < 0 ? excess * excess : 0;
            }

            previous = equity;
            Drawdown.Add(point.Equity);
            Years.Add(point.Time, point.Equity);
            Months.Add(point.Time, point.Equity);
            BarsInPosition += point.Position != 0 ? 1 : 0;
        }
    }
}
