namespace Tradeguard.Alerts;

/// <summary>How much of an alert leaves the process, configured per event kind (issue 5, "Exposure policy").</summary>
public enum ExposureLevel
{
    /// <summary>Nothing is sent.</summary>
    Off,

    /// <summary>The high-level line, delivered without a notification sound (Telegram <c>disable_notification</c>).</summary>
    Silent,

    /// <summary>The default: one high-level line with a paper/live marker, e.g. <c>[paper] Stop loss triggered · ORCL</c>.</summary>
    Minimal,

    /// <summary>
    /// The high-level line plus proportions only (<see cref="AlertProportions"/>: return %, today's %, drawdown %,
    /// position as % of equity, win rate and number of trades), readable on a phone. Never a balance, quantity, price or
    /// order id: amounts stay behind <see cref="Detailed"/>.
    /// </summary>
    Summary,

    /// <summary>The high-level line plus the details, sealed to the operator's age recipient as an attachment.</summary>
    Detailed,
}
