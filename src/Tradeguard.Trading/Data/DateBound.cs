namespace Tradeguard.Trading.Data;

/// <summary>
/// The one reading of an inclusive end date: a bound at midnight (a bare <c>yyyy-MM-dd</c>) covers that whole day,
/// a bound with a time of day covers up to that instant. Never adds a day, so <c>9999-12-31</c> works.
/// </summary>
internal static class DateBound
{
    /// <summary>True when <paramref name="time"/> is not after the inclusive <paramref name="bound"/>.</summary>
    public static bool IsOnOrBefore(DateTime time, DateTime bound) =>
        bound.TimeOfDay == TimeSpan.Zero ? time.Date <= bound : time <= bound;
}
