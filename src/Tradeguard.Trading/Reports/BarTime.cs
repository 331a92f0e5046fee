using System.Globalization;

namespace Tradeguard.Trading.Reports;

/// <summary>How a bar's time is shown to a reader (console, HTML report): ISO 8601 either way.</summary>
public static class BarTime
{
    /// <summary>
    /// <c>yyyy-MM-dd</c> for a time at midnight (daily bars), <c>yyyy-MM-dd HH:mm</c> otherwise, so an hourly or a
    /// minute bar keeps its time of day. The CSV reports keep full <c>yyyy-MM-ddTHH:mm:ss</c> times whatever the bars.
    /// </summary>
    public static string Text(DateTime time) =>
        time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
