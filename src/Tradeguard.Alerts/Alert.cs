namespace Tradeguard.Alerts;

/// <summary>
/// One thing an operator should hear about: a high-level event (kind, symbol, side, paper/live mode, time) with the
/// sensitive details (quantity, price, balance, P&amp;L, order id) held apart in <see cref="Details"/>
/// (DESIGN.md, "Alerts").
/// </summary>
/// <remarks>
/// Engine events map to alerts in a few lines, e.g.
/// <c>new Alert(AlertKinds.StopLossTriggered, "Stop loss triggered", e.Time) { Symbol = e.Symbol, Side = "sell",
/// Mode = TradingMode.Paper, Details = AlertDetails.From(("quantity", "3"), ("price", "101.25")) }</c>.
/// Only <see cref="ExposurePolicy"/> decides whether any detail leaves the process, and then only age-encrypted.
/// </remarks>
/// <param name="Kind">Event kind, dotted lower case: <c>order.filled</c>, <c>stop_loss.triggered</c>,
/// <c>security.telegram_rejected</c> (see <see cref="AlertKinds"/>). Exposure is configured per kind.</param>
/// <param name="Summary">The high-level line a person reads, without secrets or numbers: "Stop loss triggered".</param>
/// <param name="Time">When the event happened (UTC offset kept as given).</param>
public sealed record Alert(string Kind, string Summary, DateTimeOffset Time)
{
    /// <summary>The instrument, e.g. <c>ORCL</c> or <c>BTCUSDT</c>; null when the event is not about one.</summary>
    public string? Symbol { get; init; }

    /// <summary>The side in a trader's words (<c>buy</c>, <c>sell</c>, <c>long</c>, <c>short</c>); null when none.</summary>
    public string? Side { get; init; }

    /// <summary>Which bot or run raised it (a gateway bot name such as <c>momentum</c>), shown last in the headline; null for none.</summary>
    public string? Source { get; init; }

    /// <summary>Whether the event comes from paper or live trading; <see cref="TradingMode.None"/> for security events.</summary>
    public TradingMode Mode { get; init; } = TradingMode.None;

    /// <summary>
    /// Proportions shown from the <see cref="ExposureLevel.Summary"/> level up, keyed by the line of <see cref="Summary"/>
    /// they belong to (0 = the first): a report of several strategies carries one per line.
    /// </summary>
    public IReadOnlyDictionary<int, AlertProportions> Proportions { get; init; } = new Dictionary<int, AlertProportions>();

    /// <summary>The sensitive details, never shown unless the policy is <see cref="ExposureLevel.Detailed"/>.</summary>
    public AlertDetails Details { get; init; } = AlertDetails.Empty;

    /// <summary>
    /// A key that names this event uniquely (e.g. <c>run-42/order-17/filled</c>): publishing the same key twice, as a
    /// producer restarted after a crash does, sends once. Null lets the outbox derive one from kind, symbol and time.
    /// </summary>
    public string? DedupeKey { get; init; }

    /// <summary>True for security events (kinds starting with <c>security.</c>).</summary>
    public bool IsSecurity => Kind.StartsWith(AlertKinds.SecurityPrefix, StringComparison.Ordinal);
}

/// <summary>Whether an event comes from paper (simulated) or live (real money) trading.</summary>
public enum TradingMode
{
    /// <summary>Not a trading event (security, system).</summary>
    None,

    /// <summary>Simulated trading: no real money moves.</summary>
    Paper,

    /// <summary>Live trading with real money.</summary>
    Live,
}
