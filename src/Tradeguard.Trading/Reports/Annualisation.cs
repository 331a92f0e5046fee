namespace Tradeguard.Trading.Reports;

/// <summary>
/// How many bars make a year, for annualising per-bar figures (the Sharpe ratio multiplies by its square root).
/// Read from the bars themselves unless <c>report.periodsPerYear</c> says otherwise:
/// <list type="bullet">
/// <item>the bar interval is the shortest gap between two consecutive bars (missing bars only make gaps longer);</item>
/// <item>a series with any bar on a Saturday or Sunday trades around the clock (crypto): 365 days a year, and
/// 365 × bars per day for intraday bars (24 h / interval: 8,760 for 1h, 525,600 for 1m);</item>
/// <item>otherwise an exchange's week: 252 trading days a year (the usual convention, and what every daily run has
/// always used), and for intraday bars 252 × the mean number of bars per trading day seen in the data;</item>
/// <item>bars a week or longer apart are calendar periods whatever the session: 12 a year for monthly bars (28 days
/// or more apart), else 365.25 / interval in days (52.18 for weekly).</item>
/// </list>
/// </summary>
public static class Annualisation
{
    /// <summary>Trading days in a year of an exchange that closes at weekends (and the result for fewer than two bars).</summary>
    public const double TradingDays = 252;

    /// <summary>Days in a year of a market that never closes.</summary>
    public const double CalendarDays = 365;

    /// <summary>Bars per year of the series whose <paramref name="count"/> bar times <paramref name="timeAt"/> gives, oldest first.</summary>
    /// <param name="count">Bars.</param>
    /// <param name="timeAt">The time of bar i (0 ≤ i &lt; count).</param>
    public static double PeriodsPerYear(int count, Func<int, DateTime> timeAt)
    {
        ArgumentNullException.ThrowIfNull(timeAt);
        if (count < 2)
        {
            return TradingDays;
        }

        var step = TimeSpan.MaxValue;
        var weekend = false;
        var days = 1;
        var previous = timeAt(0);
        weekend |= IsWeekend(previous);
        for (var i = 1; i < count; i++)
        {
            var time = timeAt(i);
            var gap = time - previous;
            step = gap > TimeSpan.Zero && gap < step ? gap : step;
            weekend |= IsWeekend(time);
            days += time.Date != previous.Date ? 1 : 0;
            previous = time;
        }

        if (step >= TimeSpan.FromDays(28))
        {
            return 12;
        }

        if (step >= TimeSpan.FromDays(7))
        {
            return 365.25 / step.TotalDays;
        }

        if (weekend)
        {
            return step >= TimeSpan.FromDays(1) ? CalendarDays / step.TotalDays : CalendarDays * (TimeSpan.FromDays(1) / step);
        }

        return step >= TimeSpan.FromDays(1) ? TradingDays : TradingDays * ((double)count / days);
    }

    private static bool IsWeekend(DateTime time) => time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
