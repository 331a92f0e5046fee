namespace Tradeguard.Trading.Reports.Analyzers;

/// <summary>The calendar periods that <see cref="PeriodReturns"/> splits a run into.</summary>
public enum CalendarPeriod
{
    /// <summary>Calendar years (backtrader's <c>TimeFrame.Years</c>).</summary>
    Year,

    /// <summary>Calendar months (backtrader's <c>TimeFrame.Months</c>).</summary>
    Month,
}
