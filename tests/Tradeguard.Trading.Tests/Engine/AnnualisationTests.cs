using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Reports;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>Bars per year read from the bars, and the Sharpe ratio annualised with it (hand-computed).</summary>
public sealed class AnnualisationTests
{
    private static readonly DateTime Saturday = new(2024, 1, 6);
    private static readonly DateTime Monday = new(2024, 1, 8);

    [Fact]
    public void HourlyBarsAroundTheClock_Are8760AYear() => Assert.Equal(365 * 24, Periods(Saturday, TimeSpan.FromHours(1), 48));

    [Fact]
    public void MinuteBarsAroundTheClock_Are525600AYear() => Assert.Equal(365 * 1440, Periods(Saturday, TimeSpan.FromMinutes(1), 3000));

    [Fact]
    public void DailyBarsThroughWeekends_Are365AYear() => Assert.Equal(365, Periods(Saturday, TimeSpan.FromDays(1), 14));

    [Fact]
    public void WeeklyBars_AreCalendarWeeks() => Assert.Equal(365.25 / 7, Periods(Monday, TimeSpan.FromDays(7), 10), 12);

    [Fact]
    public void MonthlyBars_Are12AYear()
    {
        var months = Enumerable.Range(0, 6).Select(i => new DateTime(2024, 1, 1).AddMonths(i)).ToArray();
        Assert.Equal(12, Annualisation.PeriodsPerYear(months.Length, i => months[i]));
    }

    [Fact]
    public void DailyWeekdayBars_StayAt252()
    {
        var days = TestBars.Daily((1, 1, 1, 1), (1, 1, 1, 1), (1, 1, 1, 1), (1, 1, 1, 1), (1, 1, 1, 1)).Bars; // Mon 2024-01-01 to Fri
        var weekdays = days.Select(b => b.Time).Concat([new DateTime(2024, 1, 8), new DateTime(2024, 1, 9)]).ToArray();
        Assert.Equal(252, Annualisation.PeriodsPerYear(weekdays.Length, i => weekdays[i]));
    }

    [Fact]
    public void IntradayWeekdayBars_Are252TimesTheBarsSeenPerDay()
    {
        // Mon and Tue, three hourly bars each: 6 bars over 2 days → 252 × 3 = 756.
        DateTime[] times = [Monday.AddHours(10), Monday.AddHours(11), Monday.AddHours(12), Monday.AddHours(34), Monday.AddHours(35), Monday.AddHours(36)];
        Assert.Equal(756, Annualisation.PeriodsPerYear(times.Length, i => times[i]));
    }

    [Fact]
    public void Sharpe_OfHourlyCryptoBars_IsAnnualisedBySqrt8760()
    {
        var m = PerformanceMetrics.From(Curve(Saturday, TimeSpan.FromHours(1), 100, 110, 99, 121));

        // Returns 0, 0.1, −0.1, 121/99 − 1 from the starting cash; mean / sample sd × √8760 (Python: 37.71044844705406).
        Assert.Equal(8760, m.PeriodsPerYear);
        Assert.Equal(37.71044844705406, m.Sharpe, 12);
    }

    [Fact]
    public void RiskFreeRate_IsSplitOverTheSamePeriods()
    {
        // 8.76 % a year over 8,760 bars: 0.00001 a bar off every return; the deviation is unchanged.
        double[] r = [0, 0.1, -0.1, (121.0 / 99) - 1];
        var mean = r.Average() - 0.00001;
        var sd = Math.Sqrt(r.Sum(x => (x - r.Average()) * (x - r.Average())) / 3);

        var m = PerformanceMetrics.From(Curve(Saturday, TimeSpan.FromHours(1), 100, 110, 99, 121), riskFreeRate: 0.0876);

        Assert.Equal(mean / sd * Math.Sqrt(8760), m.Sharpe, 9);
    }

    [Fact]
    public void AGivenPeriodsPerYear_OverridesTheBars()
    {
        var m = PerformanceMetrics.From(Curve(Saturday, TimeSpan.FromHours(1), 100, 110, 99, 121), periodsPerYear: 252);

        Assert.Equal(252, m.PeriodsPerYear);
        Assert.Equal(37.71044844705406 * Math.Sqrt(252.0 / 8760), m.Sharpe, 12);
    }

    private static double Periods(DateTime start, TimeSpan step, int count) => Annualisation.PeriodsPerYear(count, i => start + (step * i));

    private static RunResult Curve(DateTime start, TimeSpan step, params decimal[] equity) => new("BTCUSDT", "scripted", equity[0], equity[^1], 0, equity[^1], 0,
        equity.Select((e, i) => new EquityPoint(start + (step * i), e, 0)).ToArray(), [], [], false);
}
