using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Reports;
using Tradeguard.Trading.Reports.Analyzers;

namespace Tradeguard.Trading.Tests.Analyzers;

/// <summary>
/// The analyzers on small curves and trade lists whose figures are worked out by hand in the comments, and their
/// edge cases: no trades, only winners, one bar, flat equity.
/// </summary>
public sealed class HandWorkedAnalyzerTests
{
    private static readonly DateTime Day0 = new(2024, 1, 1);

    [Fact]
    public void Sortino_DividesTheMeanReturnByTheDownsideDeviationOverAllReturns()
    {
        // Returns from the starting cash: 0, 0.1, -0.1, 22/99. Only -0.1 is below 0: DD = √(0.01 / 4) = 0.05.
        // Mean = (2/9) / 4 = 1/18, so Sortino = (1/18) / 0.05 × √252 = (10/9)√252.
        var m = Metrics(Daily(100, 110, 99, 121));

        Assert.Equal(10.0 / 9 * Math.Sqrt(252), m.Sortino!.Value, 12);
    }

    [Fact]
    public void Sortino_MeasuresAgainstThePerBarRiskFreeRate()
    {
        // 2.52 % a year is 0.0001 a bar: excess returns -0.0001, 0.0999, -0.1001, 22/99 - 0.0001, two below the target.
        // DD = √((0.0001² + 0.1001²) / 4) = √(0.01002002 / 4); mean = 1/18 - 0.0001.
        var m = Metrics(Daily(100, 110, 99, 121), riskFreeRate: 0.0252);

        Assert.Equal(((1.0 / 18) - 0.0001) / Math.Sqrt(0.01002002 / 4) * Math.Sqrt(252), m.Sortino!.Value, 10);
    }

    [Fact]
    public void Calmar_IsCagrOverMaxDrawdown_AndYearsAndMonthsCompoundToTheTotal()
    {
        // 730.5 days = 2 years of 365.25 days: CAGR = √1.44 − 1 = 0.2; max drawdown 1200 → 900 = 0.25; Calmar 0.8.
        var m = Metrics(Points((new DateTime(2021, 1, 1), 1000), (new DateTime(2021, 6, 1), 1200), (new DateTime(2022, 1, 3), 900),
            (new DateTime(2023, 1, 1, 12, 0, 0), 1440)));

        Assert.Equal(0.2, m.Cagr, 12);
        Assert.Equal(0.8, m.Calmar!.Value, 12);
        // 2021: 1000 → 1200, 2022: 1200 → 900, 2023: 900 → 1440 (1.2 × 0.75 × 1.6 = 1.44).
        Assert.Equal(
            [Year(2021, 1000, 1200), Year(2022, 1200, 900), Year(2023, 900, 1440)],
            m.AnnualReturns);
        Assert.Equal([0.2, -0.25, 0.6], m.AnnualReturns.Select(y => Math.Round(y.Return!.Value, 12)));
        // Months without a bar have no row; the first starts from the starting cash.
        Assert.Equal(
            [Month(2021, 1, 1000, 1000), Month(2021, 6, 1000, 1200), Month(2022, 1, 1200, 900), Month(2023, 1, 900, 1440)],
            m.MonthlyReturns);
    }

    [Fact]
    public void Drawdowns_AreAveragedOverEachDrawdownsDeepestPoint_AndTheLastOneMayBeOpen()
    {
        // Peak 100: 90, 95 (depth 0.1, 10 money, 2 bars), back to 100. 80 (0.2, 20, 1 bar), new peak 120.
        // 99, 99 (0.175, 21, 2 bars, still open at the end). The largest money fall (21) is not the deepest (0.2).
        var d = Metrics(Daily(100, 90, 95, 100, 80, 120, 99, 99)).Drawdown;

        Assert.Equal((0.2, 21m, 2, 3), (d.Max, d.MaxMoney, d.MaxLength, d.Count));
        Assert.Equal((0.1 + 0.2 + 0.175) / 3, d.Average, 12);
        Assert.Equal(17m, d.AverageMoney); // (10 + 20 + 21) / 3
        Assert.Equal(5.0 / 3, d.AverageLength, 12);
    }

    [Fact]
    public void TradeStatistics_ProfitFactorExpectancyAndSqn()
    {
        // Net P&L 30, -10, 0, 20, -5: gross profit 50, gross loss -15, profit factor 10/3, expectancy 35 / 5 = 7.
        // Deviations from 7: 23, -17, -7, 13, -12; squares sum to 1180; population variance 236.
        // SQN = √5 × 7 / √236.
        var t = TradeStatistics.From(Trades(30, -10, 0, 20, -5));

        Assert.Equal((2, 2, 50m, -15m, 7m), (t.Winners, t.Losers, t.GrossProfit, t.GrossLoss, t.Expectancy));
        Assert.Equal(10.0 / 3, t.ProfitFactor!.Value, 12);
        Assert.Equal(Math.Sqrt(5) * 7 / Math.Sqrt(236), t.Sqn!.Value, 12);
    }

    [Fact]
    public void Sqn_CountsCommission_AsBacktradersPnlcomm()
    {
        // Gross 3 and -1 with commission 0.5 each: net 2.5 and -1.5, mean 0.5, population σ 2: SQN = √2 × 0.5 / 2.
        ClosedTrade[] trades = [Trade(3, 0.5m), Trade(-1, 0.5m)];

        Assert.Equal(Math.Sqrt(2) / 4, SystemQualityNumber.Of(trades)!.Value, 15);
    }

    [Fact]
    public void NoTrades_HaveNoProfitFactorNoExpectancy_AndSqn0()
    {
        var t = TradeStatistics.From([]);

        Assert.Equal(new TradeStatistics(0, 0, 0, 0, null, null, 0), t);
    }

    [Fact]
    public void OneTrade_HasSqn0_AsBacktrader()
    {
        Assert.Equal(0, SystemQualityNumber.Of(Trades(-4)));
        Assert.Equal(-4m, TradeStatistics.From(Trades(-4)).Expectancy);
    }

    [Fact]
    public void OnlyWinners_LeaveTheProfitFactorUndefined_AndEqualPnlLeavesSqnUndefined()
    {
        var t = TradeStatistics.From(Trades(5, 5));

        Assert.Equal(new TradeStatistics(2, 0, 10, 0, null, 5, null), t);
    }

    [Fact]
    public void SingleBar_HasOneFlatYearAndMonth_AndNoDrawdownSortinoOrCalmar()
    {
        var m = Metrics(Daily(1000));

        Assert.Equal((1, 0.0, (double?)null, (double?)null), (m.Bars, m.Cagr, m.Sortino, m.Calmar));
        Assert.Equal(new DrawdownStatistics(0, 0, 0, 0, 0, 0, 0), m.Drawdown);
        Assert.Equal([Year(2024, 1000, 1000)], m.AnnualReturns);
        Assert.Equal(0, Assert.Single(m.AnnualReturns).Return);
        Assert.Equal([Month(2024, 1, 1000, 1000)], m.MonthlyReturns);
    }

    [Fact]
    public void FlatEquity_HasNoDrawdown_AndNoSortinoOrCalmar()
    {
        var m = Metrics(Daily(1000, 1000, 1000, 1000, 1000));

        Assert.Equal((0.0, 0.0, (double?)null, (double?)null), (m.Sharpe, m.MaxDrawdown, m.Sortino, m.Calmar));
        Assert.Equal(new DrawdownStatistics(0, 0, 0, 0, 0, 0, 0), m.Drawdown);
    }

    [Fact]
    public void OnlyGains_LeaveSortinoUndefined()
    {
        var m = Metrics(Daily(100, 101, 102));

        Assert.Null(m.Sortino);
        Assert.Null(m.Calmar);
    }

    [Fact]
    public void BarsInTheCalendarsLastMonth_HaveAPeriodEnd()
    {
        var m = Metrics(Points((new DateTime(9999, 11, 30), 100), (new DateTime(9999, 12, 30), 110), (new DateTime(9999, 12, 31), 121)));

        Assert.Equal([Year(9999, 100, 121)], m.AnnualReturns);
        Assert.Equal([Month(9999, 11, 100, 100), Month(9999, 12, 100, 121)], m.MonthlyReturns);
    }

    [Fact]
    public void ReturnsCsv_HasOneRowPerPeriod()
    {
        var m = Metrics(Points((new DateTime(2021, 1, 1), 1000), (new DateTime(2021, 6, 1), 1200), (new DateTime(2022, 1, 3), 900)));
        using var writer = new StringWriter();

        ReportFiles.WriteReturnsCsv(writer, m.AnnualReturns);

        Assert.Equal("period_start,period_end,start_value,end_value,return\n2021-01-01,2021-12-31,1000,1200,0.2\n2022-01-01,2022-12-31,1200,900,-0.25\n", writer.ToString());
    }

    private static PerformanceMetrics Metrics(RunResult run, double riskFreeRate = 0) => PerformanceMetrics.From(run, riskFreeRate);

    private static RunResult Daily(params decimal[] equity) => Points([.. equity.Select((e, i) => (Day0.AddDays(i), e))]);

    private static RunResult Points(params (DateTime Time, decimal Equity)[] points) =>
        new("TEST", "scripted", points[0].Equity, points[^1].Equity, 0, points[^1].Equity, 0,
            points.Select(p => new EquityPoint(p.Time, p.Equity, 0)).ToArray(), [], [], false);

    private static ClosedTrade[] Trades(params decimal[] netPnl) => [.. netPnl.Select(p => Trade(p, 0))];

    private static ClosedTrade Trade(decimal gross, decimal commission) => new("TEST", Day0, Day0.AddDays(1), 1, 10, 10 + gross, gross, commission, 1);

    private static PeriodReturn Year(int year, decimal start, decimal end) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), start, end);

    private static PeriodReturn Month(int year, int month, decimal start, decimal end) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), start, end);
}
