namespace Tradeguard.Trading.Reports.Analyzers;

/// <summary>
/// Splits an equity curve, fed one close at a time (O(1) per bar), into calendar years or months and gives each
/// period's return, as backtrader's <c>TimeReturn</c> analyzer (backtrader/analyzers/timereturn.py at b853d7c9) does
/// for the portfolio value: a period runs from the value at the end of the previous period (the starting cash for the
/// first) to the value at its last bar's close. With years these are also backtrader's <c>AnnualReturn</c> figures:
/// that analyzer starts the first year from the first bar's closing value instead of the starting cash, and the two
/// are equal here because an order placed on the first bar fills on the second at the earliest.
/// Periods without a bar are skipped.
/// </summary>
/// <param name="period">Years or months.</param>
/// <param name="start">The starting cash (quote currency).</param>
internal sealed class PeriodReturns(CalendarPeriod period, decimal start)
{
    private readonly List<PeriodReturn> done = [];
    private decimal startValue = start;
    private decimal lastValue = start;
    private DateOnly current;
    private DateTime next = DateTime.MinValue;
    private bool any;

    /// <summary>Adds the equity at the close of the bar at <paramref name="time"/>; bars come in time order.</summary>
    public void Add(DateTime time, decimal equity)
    {
        // One comparison per bar; the calendar is consulted only when a period ends.
        if (time >= next)
        {
            if (any)
            {
                Close();
            }

            current = FirstDay(time);
            var last = LastDay(current);
            next = last.Year < DateTime.MaxValue.Year || last.Month < 12 ? last.AddDays(1).ToDateTime(TimeOnly.MinValue) : DateTime.MaxValue;
            any = true;
        }

        lastValue = equity;
    }

    /// <summary>The periods so far, the one under way included.</summary>
    public IReadOnlyList<PeriodReturn> Result()
    {
        var all = new List<PeriodReturn>(done.Count + 1);
        all.AddRange(done);
        if (any)
        {
            all.Add(Current());
        }

        return all;
    }

    private void Close()
    {
        done.Add(Current());
        startValue = lastValue;
    }

    private PeriodReturn Current() => new(current, LastDay(current), startValue, lastValue);

    // Counted forward within the period, so a bar in December 9999 has a period end too.
    private DateOnly LastDay(DateOnly first) => period == CalendarPeriod.Year
        ? new DateOnly(first.Year, 12, 31)
        : new DateOnly(first.Year, first.Month, DateTime.DaysInMonth(first.Year, first.Month));

    private DateOnly FirstDay(DateTime time) => new(time.Year, period == CalendarPeriod.Year ? 1 : time.Month, 1);
}
