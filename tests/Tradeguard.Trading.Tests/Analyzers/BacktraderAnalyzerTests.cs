using System.Globalization;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Reports;
using Tradeguard.Trading.Reports.Analyzers;
using Tradeguard.Trading.Strategies;
using Tradeguard.Trading.Strategies.LowerCloses;
using Tradeguard.Trading.Strategies.PriceSmaCross;

namespace Tradeguard.Trading.Tests.Analyzers;

/// <summary>
/// backtrader's own analyzers (SQN, AnnualReturn, TimeReturn by year and month, DrawDown, TradeAnalyzer) on runs that
/// Tradeguard reproduces to the cent. Every constant was printed by backtrader 1.9.78.123 (commit b853d7c9) running
/// <c>backtrader_analyzers.py</c> beside this file (its header gives the command); the 240 monthly returns of the
/// 1995-2014 run are in <c>backtrader-sma-1995-2014-months.csv</c>, written by the same script. backtrader's floats
/// carry its binary rounding (975.6000000000001), Tradeguard's money is decimal: ratios are compared to 1e-9 relative,
/// money to the cent.
/// </summary>
public sealed class BacktraderAnalyzerTests
{
    [Fact]
    public void PriceSma15_Orcl2000_MatchesBacktradersAnalyzers()
    {
        var m = Run(new PriceSmaCrossStrategy(15), 1000m, new Sizer.Fixed(10), null, Orcl(2000, 2000));

        Assert.Equal(975.60m, Math.Round(m.FinalValue, 2));
        AssertClose(-0.10068782587662027, m.Trades.Sqn);
        Assert.Equal(21, m.TradeCount);
        AssertClose(-0.024399999999999866, Assert.Single(m.AnnualReturns).Return);
        AssertPeriods(m.MonthlyReturns, 2000, [-0.023399999999999976, 0.08109768584886345, 0.02500473574540618, -0.03751617076326019,
            -0.062115975422427194, 0.0315283038182006, -0.01905328966954456, 0.04693980778957996, -0.032080394240989296,
            -0.02655485674353586, 0.004512357706901948, -0.0039816232771821]);
        AssertDrawdown(m.Drawdown, percent: 13.647332201269126, money: 152.70000000000027, length: 193);
        AssertTrades(m.Trades, won: 7, lost: 14, wonPnl: 206.69999999999993, lostPnl: -219.40000000000006, average: -0.6047619047619113);
        AssertClose(0.94211485870556, m.Trades.ProfitFactor);
    }

    [Fact]
    public void TwoLowerCloses_Commission0_1Percent_Orcl2000_MatchesBacktradersAnalyzers()
    {
        var commission = new CommissionModel.PercentOfNotional(0.001m);
        var m = Run(new LowerClosesStrategy(2, 5), 100_000m, new Sizer.Fixed(1), commission, Orcl(2000, 2000));

        Assert.Equal(100016.06m, Math.Round(m.FinalValue, 2));
        AssertClose(1.185740490941584, m.Trades.Sqn);
        Assert.Equal(23, m.TradeCount);
        AssertClose(0.00016057850000006368, Assert.Single(m.AnnualReturns).Return);
        AssertPeriods(m.MonthlyReturns, 2000, [1.2205900000061831e-05, 8.304368637701565e-05, 2.525879408454834e-05, 6.124591914402622e-05,
            -5.521606364666809e-05, 1.6640994265237907e-05, 2.1142972703724894e-06, 3.441409974502818e-05, -2.9257341993438324e-05,
            -1.4574007293988167e-05, 1.6315483101214667e-05, 8.382524224304078e-06]);
        AssertDrawdown(m.Drawdown, percent: 0.009670230246424863, money: 9.672050000022864, length: 93);
        AssertTrades(m.Trades, won: 14, lost: 9, wonPnl: 34.48538, lostPnl: -19.512789999999992, average: 0.6509821739130439);
        AssertClose(1.7673218437752887, m.Trades.ProfitFactor);
    }

    [Fact]
    public void PriceSma15_Orcl1995To2014_MatchesBacktradersAnalyzers_EveryYearAndMonth()
    {
        var m = Run(new PriceSmaCrossStrategy(15), 1000m, new Sizer.Fixed(10), null, CsvBarLoader.Load(SampleData.Path("orcl-1995-2014.txt")));

        Assert.Equal(1065.20m, Math.Round(m.FinalValue, 2));
        AssertClose(0.31755546069575846, m.Trades.Sqn);
        Assert.Equal(374, m.TradeCount);
        AssertPeriodsByYear(m.AnnualReturns, 1995, [-0.0011999999999999789, 0.009211053263916691, -0.01914682539682544, 0.02255487003135448,
            0.15084075173095934, -0.05560807907176624, -0.039315617036767225, -0.03751420992800292, -0.006988188976378096,
            0.013182674199623268, -0.013304637057327429, 0.03033908387864348, -0.005966127790607567, -0.05382381413359205,
            0.02568037650910604, 0.06413965087281759, -0.03637045369328873, 0.03774319066147913, 0.0017810273715781477,
            -0.003275007017872422]);
        var months = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Analyzers", "backtrader-sma-1995-2014-months.csv")).Skip(1)
            .Select(line => line.Split(',')).ToArray();
        Assert.Equal(240, months.Length);
        Assert.Equal(months.Select(f => f[0]), m.MonthlyReturns.Select(p => p.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        for (var i = 0; i < months.Length; i++)
        {
            AssertClose(double.Parse(months[i][1], CultureInfo.InvariantCulture), m.MonthlyReturns[i].Return);
        }

        AssertDrawdown(m.Drawdown, percent: 22.920859834151845, money: 284.70000000000005, length: 3714);
        // Eight trades broke even (0 in decimal). backtrader counts pnlcomm >= 0 as won, and its floats leave two of
        // them just below 0 (-4.4e-15 on 1998-06-16, -1.8e-14 on 2001-11-19): won 124 = 118 + 6, lost 250 = 248 + 2.
        Assert.Equal(8, m.TradeCount - m.Trades.Winners - m.Trades.Losers);
        AssertTrades(m.Trades, won: 124 - 6, lost: 250 - 2, wonPnl: 1169.3999999999996, lostPnl: -1102.9000000000008, average: 0.17780748663101453);
        AssertClose(1.060295584368482, m.Trades.ProfitFactor);
    }

    private static BarSeries Orcl(int fromYear, int toYear) => CsvBarLoader.Load(SampleData.Path("orcl-1995-2014.txt"),
        new BarLoadOptions { From = new DateTime(fromYear, 1, 1), To = new DateTime(toYear, 12, 31) });

    private static PerformanceMetrics Run(Strategy strategy, decimal cash, Sizer sizer, CommissionModel? commission, BarSeries bars)
    {
        var options = new EngineOptions { InitialCash = cash, Sizer = sizer };
        if (commission is not null)
        {
            options = options with { Commission = commission };
        }

        return PerformanceMetrics.From(new TradingEngine(strategy, options).Run(bars));
    }

    private static void AssertPeriods(IReadOnlyList<PeriodReturn> months, int year, double[] expected)
    {
        Assert.Equal(Enumerable.Range(1, 12).Select(month => new DateOnly(year, month, 1)), months.Select(p => p.PeriodStart));
        for (var i = 0; i < expected.Length; i++)
        {
            AssertClose(expected[i], months[i].Return);
        }
    }

    private static void AssertPeriodsByYear(IReadOnlyList<PeriodReturn> years, int first, double[] expected)
    {
        Assert.Equal(Enumerable.Range(first, expected.Length).Select(y => new DateOnly(y, 12, 31)), years.Select(p => p.PeriodEnd));
        for (var i = 0; i < expected.Length; i++)
        {
            AssertClose(expected[i], years[i].Return);
        }
    }

    // backtrader's DrawDown gives percent; Tradeguard a fraction.
    private static void AssertDrawdown(DrawdownStatistics drawdown, double percent, double money, int length)
    {
        AssertClose(percent / 100, drawdown.Max);
        Assert.Equal(Math.Round((decimal)money, 2), Math.Round(drawdown.MaxMoney, 2));
        AssertClose(money, (double)drawdown.MaxMoney);
        Assert.Equal(length, drawdown.MaxLength);
    }

    private static void AssertTrades(TradeStatistics trades, int won, int lost, double wonPnl, double lostPnl, double average)
    {
        Assert.Equal((won, lost), (trades.Winners, trades.Losers));
        AssertClose(wonPnl, (double)trades.GrossProfit);
        AssertClose(lostPnl, (double)trades.GrossLoss);
        AssertClose(average, (double?)trades.Expectancy);
    }

    // Relative 1e-9; the absolute 1e-15 admits a float's rounding of a return that is 0 in decimal.
    internal static void AssertClose(double expected, double? actual)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(actual.Value - expected) <= (1e-9 * Math.Abs(expected)) + 1e-15, $"expected {expected:R}, got {actual.Value:R}");
    }
}
