using System.Globalization;
using Tradeguard.Alerts;
using Tradeguard.Core.Audit;
using Tradeguard.Exchange.Binance;
using Tradeguard.Gateway.Policy;

namespace Tradeguard.Gateway.Journal;

/// <summary>
/// Where the gateway writes what it decided: every authentication refusal, refused endpoint, order, refusal, cancel,
/// fill and operator command is an audit record (bot, symbol, side, outcome; never a key: keys appear masked or not at
/// all), and fills and refusals also become high-level alerts through the outbox, e.g.
/// <c>[paper] Buy order executed · BTCUSDT · momentum</c>, with quantities and prices only in the sealed details
/// (refusal alerts at most one a minute per bot, <see cref="RefusalAlertWindow"/>).
/// Security refusals (<c>gateway.auth</c>, <c>gateway.endpoint_refused</c>) become security alerts through the audit
/// log's alerting decorator (per-request records are posted, <see cref="IAuditLog.Post"/>); the kill switch is recorded as <c>engine.kill_switch</c>, as the engine's is.
/// </summary>
/// <param name="audit">The audit log (the installation's, which raises security alerts).</param>
/// <param name="alerts">The alert publisher, or null to raise no trading alerts.</param>
/// <param name="mode">Paper or live, the marker on every alert.</param>
/// <param name="time">The clock.</param>
public sealed class GatewayJournal(IAuditLog audit, AlertPublisher? alerts, TradingMode mode, TimeProvider time)
{
    /// <summary>Alert kind of a refused order.</summary>
    public const string OrderRefusedKind = "order.refused";

    /// <summary>At most one refusal alert per bot per this window; the next one says how many were held back (all are audited).</summary>
    public static readonly TimeSpan RefusalAlertWindow = TimeSpan.FromMinutes(1);

    private readonly string _runId = Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, (DateTimeOffset Last, int HeldBack)> _refusalAlerts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _sequence;

    /// <summary>Paper or live.</summary>
    public TradingMode Mode => mode;

    /// <summary>A signed request that failed authentication.</summary>
    public void AuthRefused(string? bot, string maskedKey, string method, string path, BinanceError error) =>
        Audit(bot, "gateway.auth", $"{method} {path}", AuditOutcome.Denied, error.Message,
            ("key", maskedKey), ("code", error.Code.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A request for an endpoint outside the trading allowlist (raises a security alert).</summary>
    public void EndpointRefused(string? bot, string method, string path) =>
        Audit(bot, "gateway.endpoint_refused", $"{bot ?? "unknown key"}: {method} {path}", AuditOutcome.Denied, "outside the trading allowlist");

    /// <summary>An order the policy (or the operator's control) refused; also an alert.</summary>
    public void OrderRefused(string bot, OrderTicket ticket, BinanceError error)
    {
        Audit(bot, "gateway.order", ticket.Symbol, AuditOutcome.Denied, error.Message, ("side", ticket.Side), ("type", ticket.Type));
        int heldBack;
        lock (_gate)
        {
            // A bot that keeps sending refused orders must not flood the operator's chat: one alert a minute per bot.
            var now = time.GetUtcNow();
            var (last, held) = _refusalAlerts.GetValueOrDefault(bot);
            if (now - last < RefusalAlertWindow)
            {
                _refusalAlerts[bot] = (last, held + 1);
                return;
            }

            _refusalAlerts[bot] = (now, 0);
            heldBack = held;
        }

        Publish(OrderRefusedKind, $"{Side(ticket.Side)} order refused by the gateway{(heldBack > 0 ? $" (+{heldBack} more refusals held back)" : string.Empty)}", ticket.Symbol, bot,
            ("reason", error.Message), ("quantity", ticket.Quantity?.ToString(CultureInfo.InvariantCulture)), ("price", ticket.Price?.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>An order sent upstream, with the exchange's verdict (accepted status or its error).</summary>
    public void OrderSent(string bot, OrderTicket ticket, bool accepted, string result) =>
        Audit(bot, "gateway.order", ticket.Symbol, accepted ? AuditOutcome.Success : AuditOutcome.Failure, accepted ? "" : result,
            ("side", ticket.Side), ("type", ticket.Type), ("status", accepted ? result : "refused by the exchange"));

    /// <summary>A cancel sent upstream (or refused because the order is not the bot's).</summary>
    public void Cancel(string bot, string symbol, string orderId, AuditOutcome outcome, string reason) =>
        Audit(bot, "gateway.cancel", symbol, outcome, reason, ("order_id", orderId));

    /// <summary>A fill the gateway saw; also an alert (<c>Buy order executed</c>).</summary>
    public void Fill(ObservedFill fill)
    {
        Audit(fill.Bot, "gateway.fill", fill.Symbol, AuditOutcome.Success, "", ("side", fill.Side), ("order_id", fill.OrderId.ToString(CultureInfo.InvariantCulture)));
        Publish(AlertKinds.OrderFilled, $"{Side(fill.Side)} order executed", fill.Symbol, fill.Bot,
            ("order_id", fill.OrderId.ToString(CultureInfo.InvariantCulture)), ("quantity", fill.Quantity.ToString(CultureInfo.InvariantCulture)),
            ("price", fill.Price.ToString(CultureInfo.InvariantCulture)), ("pnl", fill.RealizedPnl.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>An operator command applied at the gateway.</summary>
    public void Control(string source, string command, string? bot, string result) =>
        audit.Record(new AuditEvent(source, "gateway.control", $"/{command} {bot ?? "(all bots)"}", AuditOutcome.Success, "",
            new Dictionary<string, string> { ["result"] = result }));

    /// <summary>An admin-socket request without the right token (a security alert through <c>gateway.admin_auth</c>).</summary>
    public void AdminRefused(string path) =>
        audit.Record(new AuditEvent("admin-socket", "gateway.admin_auth", "admin " + new string(path.Where(c => c is > ' ' and < (char)127).Take(40).ToArray()),
            AuditOutcome.Denied, "admin token missing or wrong"));

    /// <summary>The kill switch of <paramref name="bot"/> engaged (<c>engine.kill_switch</c>: a security alert, never held back).</summary>
    public void KillSwitch(string bot, string reason) =>
        audit.Record(new AuditEvent("gateway", "engine.kill_switch", bot, AuditOutcome.Success, reason));

    private void Audit(string? bot, string action, string target, AuditOutcome outcome, string reason, params (string Name, string? Value)[] details)
    {
        var map = details.Where(d => d.Value is not null).ToDictionary(d => d.Name, d => d.Value!, StringComparer.Ordinal);
        map["mode"] = mode == TradingMode.Live ? "live" : "paper";
        // Post: on the order path the disk sync happens behind the answer (WriteBehindAuditLog); the security-alerting
        // log still writes an alarming record before its alert is released.
        audit.Post(new AuditEvent(bot is null ? "bot:unknown" : "bot:" + bot, action, target, outcome, reason, map));
    }

    private void Publish(string kind, string summary, string symbol, string bot, params (string Name, string? Value)[] details)
    {
        if (alerts is null)
        {
            return;
        }

        alerts.Publish(new Alert(kind, summary, time.GetUtcNow())
        {
            Symbol = symbol,
            Source = bot,
            Mode = mode,
            Details = AlertDetails.From([.. details.Where(d => d.Value is not null).Select(d => (d.Name, d.Value!))]),
            DedupeKey = $"gateway:{_runId}:{Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)}",
        });
    }

    private static string Side(string side) => side == "BUY" ? "Buy" : "Sell";
}
