namespace Tradeguard.Trading.Broker;

/// <summary>How long an order may work before it expires.</summary>
public abstract record OrderValidity
{
    private OrderValidity()
    {
    }

    /// <summary>Works until filled or cancelled.</summary>
    public static OrderValidity GoodTillCancelled { get; } = new GoodTillCancelledValidity();

    /// <summary>
    /// Works on bars up to and including <paramref name="time"/>; a date at midnight includes that whole day
    /// (Tradeguard's convention: "valid until Friday" still works on Friday's bar).
    /// </summary>
    public static OrderValidity Until(DateTime time) => new UntilValidity(time);

    /// <summary>
    /// backtrader's <c>valid=datetime</c> convention, for strategies ported from it: the order expires on the first bar
    /// that ends after <paramref name="valid"/>. backtrader stamps a daily bar with the end of its session, so
    /// <c>valid=date</c> expires at the start of that day: the bar of that date no longer sees the order. Here a bar
    /// stamped at midnight is a daily bar ending at the end of that day; any other stamp is the bar's end time.
    /// </summary>
    public static OrderValidity BacktraderValid(DateTime valid) => new BacktraderValidity(valid);

    /// <summary>Works on the next <paramref name="bars"/> bars (at least 1), then expires.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bars"/> is below 1.</exception>
    public static OrderValidity ForBars(int bars) =>
        bars >= 1 ? new BarsValidity(bars) : throw new ArgumentOutOfRangeException(nameof(bars), bars, "an order must work for at least 1 bar");

    /// <summary>True when the order may no longer work on the bar at <paramref name="barTime"/>, the <paramref name="barsWorked"/>-th bar since it was placed.</summary>
    internal abstract bool HasExpired(DateTime barTime, int barsWorked);

    /// <summary>A stamp at midnight stands for the whole day, so it is read as that day's last tick.</summary>
    private static DateTime EndOfDayIfMidnight(DateTime time) =>
        time.TimeOfDay == TimeSpan.Zero && time.Date < DateTime.MaxValue.Date ? time.AddDays(1).AddTicks(-1) : time;

    private sealed record GoodTillCancelledValidity : OrderValidity
    {
        internal override bool HasExpired(DateTime barTime, int barsWorked) => false;
    }

    private sealed record UntilValidity(DateTime Time) : OrderValidity
    {
        internal override bool HasExpired(DateTime barTime, int barsWorked) => !Data.DateBound.IsOnOrBefore(barTime, Time);
    }

    private sealed record BacktraderValidity(DateTime Valid) : OrderValidity
    {
        internal override bool HasExpired(DateTime barTime, int barsWorked) => EndOfDayIfMidnight(barTime) > Valid;
    }

    private sealed record BarsValidity(int Bars) : OrderValidity
    {
        internal override bool HasExpired(DateTime barTime, int barsWorked) => barsWorked > Bars;
    }
}
