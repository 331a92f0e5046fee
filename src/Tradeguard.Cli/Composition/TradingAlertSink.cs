using System.Globalization;
using Tradeguard.Alerts;
using Tradeguard.Alerts.Channels;
using Tradeguard.Trading.Events;
using AlertMode = Tradeguard.Alerts.TradingMode;
using EventMode = Tradeguard.Trading.Events.TradingMode;

namespace Tradeguard.Cli.Composition;

/// <summary>
/// Turns the engine's events into alerts: the high-level part (kind, symbol, paper/live) becomes the alert, the
/// amounts go into <see cref="AlertDetails"/> that only the exposure policy's <c>detailed</c> level, sealed to the
/// operator's age key, ever lets out. Alerts are committed to the outbox (dedupe key per run and event) on the engine's
/// thread; the dispatcher sends them.
/// </summary>
/// <remarks>
/// Console recipients are left out unless <paramref name="includeConsole"/>: <c>tradeguard run</c> already prints every
/// event as its alert line; the <c>exchange serve</c> service prints nothing itself, so its console alerts go through the outbox.
/// </remarks>
/// <param name="historical">True for a backtest: each alert's line starts with its bar's date (<c>[paper] 2000-01-14 Buy
/// order executed · ORCL</c>), so a replayed event is never read as one happening now.</param>
internal sealed class TradingAlertSink(AlertPublisher publisher, IAlertRouting routing, string runId, bool includeConsole = false,
    bool historical = false) : ITradingEventSink
{
    private long _sequence;

    /// <summary>The alert kind of each event kind: the names <c>exposure</c> settings use.</summary>
    public static string KindOf(TradingEventKind kind) => kind switch
    {
        TradingEventKind.RunStarted => "run.started",
        TradingEventKind.RunFinished => "run.finished",
        TradingEventKind.RunFailed => "run.failed",
        TradingEventKind.OrderSubmitted => "order.submitted",
        TradingEventKind.OrderFilled => AlertKinds.OrderFilled,
        TradingEventKind.OrderRejected => "order.rejected",
        TradingEventKind.OrderCancelled => "order.cancelled",
        TradingEventKind.OrderExpired => "order.expired",
        TradingEventKind.StopLossTriggered => AlertKinds.StopLossTriggered,
        TradingEventKind.TakeProfitHit => "take_profit.hit",
        TradingEventKind.RiskLimitHit => "risk.limit_hit",
        TradingEventKind.StoppedByOperator => "run.stopped_by_operator",
        _ => "trading." + kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The alert for <paramref name="tradingEvent"/>: <c>Buy order executed</c> with symbol and mode, details apart.</summary>
    public static Alert ToAlert(TradingEvent tradingEvent, string dedupeKey, bool historical = false)
    {
        var suffix = " · " + tradingEvent.Symbol;
        var headline = tradingEvent.Headline;
        var summary = headline.EndsWith(suffix, StringComparison.Ordinal) ? headline[..^suffix.Length] : headline;
        if (historical)
        {
            summary = tradingEvent.Time.ToString("yyyy-MM-dd ", CultureInfo.InvariantCulture) + summary;
        }

        return new Alert(KindOf(tradingEvent.Kind), summary, new DateTimeOffset(DateTime.SpecifyKind(tradingEvent.Time, DateTimeKind.Utc)))
        {
            Symbol = tradingEvent.Symbol,
            Mode = tradingEvent.Mode == EventMode.Live ? AlertMode.Live : AlertMode.Paper,
            Details = Details(tradingEvent.Details),
            DedupeKey = dedupeKey,
        };
    }

    public void Publish(TradingEvent tradingEvent)
    {
        var alert = ToAlert(tradingEvent, $"run:{runId}:{Interlocked.Increment(ref _sequence)}", historical);
        var recipients = routing.RecipientsFor(alert).Where(r => includeConsole || r.Channel != ConsoleChannel.ChannelName).ToList();
        if (recipients.Count > 0)
        {
            publisher.Publish(alert, recipients);
        }
    }

    private static AlertDetails Details(TradingEventDetails d)
    {
        var pairs = new List<(string, string)>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                pairs.Add((name, Convert.ToString(value, CultureInfo.InvariantCulture)!));
            }
        }

        Add("order_id", d.OrderId);
        Add("quantity", d.Quantity);
        Add("price", d.Price);
        Add("commission", d.Commission);
        Add("cash", d.Cash);
        Add("equity", d.Equity);
        Add("pnl", d.RealizedPnl);
        Add("reason", d.Reason);
        return AlertDetails.From([.. pairs]);
    }
}
