using System.Globalization;

namespace Tradeguard.Alerts.Dispatch;

/// <summary>
/// Pending alerts for a channel the dispatcher at hand does not have (e.g. Telegram alerts queued while the settings had a
/// <c>telegram</c> section that has since been removed). They stay queued, untouched, for a dispatcher that has the
/// channel; this one neither sends nor waits on them.
/// </summary>
/// <param name="Channel">The channel name stored with the messages, e.g. <c>telegram</c>.</param>
/// <param name="Count">How many pending messages are queued for it (1 or more).</param>
public sealed record StrandedAlerts(string Channel, int Count)
{
    /// <summary>One line for the operator, e.g. "4 alerts for telegram stay queued: no telegram channel is configured here".</summary>
    public string Summary => Count == 1
        ? $"1 alert for {Channel} stays queued: no {Channel} channel is configured here"
        : $"{Count.ToString(CultureInfo.InvariantCulture)} alerts for {Channel} stay queued: no {Channel} channel is configured here";
}
