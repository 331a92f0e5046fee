using System.Globalization;
using System.Runtime.CompilerServices;
using Tradeguard.Core.Audit;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Risk;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Engine;

/// <summary>
/// One run of a strategy against an <see cref="IVenue"/>, and the strategy's view of it: the one per-bar loop of
/// backtests, paper and live runs. Each <see cref="Step"/> does, in order: (1) the venue applies its updates; (2) the
/// strategy hears about every order whose status changed; (3) the risk guard marks the day's equity (and may engage
/// the kill switch); (4) <see cref="Strategy.OnBar"/> runs; (5) every order it places passes the risk guard and goes
/// to the venue. Every step is published as a <see cref="TradingEvent"/> and the sensitive ones are audited, with the
/// run's mode. Created by <see cref="TradingEngine.Start"/>; not thread-safe (one loop drives it).
/// </summary>
public sealed class TradingRun : StrategyContext
{
    private readonly Strategy strategy;
    private readonly EngineOptions options;
    private readonly IVenue venue;
    private readonly ITradingEventSink[] sinks;
    private readonly IAuditLog audit;
    private readonly TradingMode mode;
    private readonly string actor;
    private readonly RiskGuard risk;
    private readonly EquityCurve? curve;
    private readonly bool watchLoss;
    private readonly List<Order> changed = [];
    private List<Order> pendingUpdates = [];
    private List<Order> delivering = [];
    private decimal equity;
    private DateTime startTime;
    private Bar bar;
    private int index = -1;
    private string? warmUpRefusal;
    private PortfolioView? portfolio;
    private bool sharesCash;

    internal TradingRun(Strategy strategy, EngineOptions options, IVenue venue, ITradingEventSink[] sinks, IAuditLog audit, TradingMode mode,
        string actor, EquityCurve? curve)
    {
        this.strategy = strategy;
        this.options = options;
        this.venue = venue;
        this.sinks = sinks;
        this.audit = audit;
        this.mode = mode;
        this.actor = actor;
        this.curve = curve;
        risk = new RiskGuard(options.Risk);
        watchLoss = risk.WatchesDailyLoss;
        equity = venue.Cash;
    }

    /// <inheritdoc />
    public override string Symbol => venue.Symbol;

    /// <inheritdoc />
    public override int BarIndex => index;

    /// <inheritdoc />
    public override decimal Position => venue.Position;

    /// <inheritdoc />
    public override decimal Cash => venue.Cash;

    /// <inheritdoc />
    public override decimal Equity => sharesCash ? portfolio!.Equity : Mark(venue.Cash);

    /// <inheritdoc />
    public override PortfolioView Portfolio => portfolio ??= new PortfolioView([this]);

    /// <inheritdoc />
    public override decimal Stake => options.Sizer.Size(Equity, bar.Close);

    /// <inheritdoc />
    public override bool HasWorkingOrders
    {
        get
        {
            var working = venue.WorkingOrders;
            for (var i = 0; i < working.Count; i++)
            {
                if (working[i].Role is not (OrderRole.StopLoss or OrderRole.TakeProfit))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Bars stepped so far.</summary>
    public int BarsSeen => index + 1;

    /// <summary>The bar stepped last (default before the first).</summary>
    public Bar LastBar => bar;

    /// <summary>True once the kill switch is engaged (daily-loss limit hit, or <see cref="Halt"/>).</summary>
    public bool KillSwitchEngaged => risk.KillSwitchEngaged;

    /// <summary>Orders the strategy placed on warm-up bars, which were refused without reaching the venue.</summary>
    public int WarmUpRefusals { get; private set; }

    /// <summary>True when some sink listens: events and their details are only built then.</summary>
    private bool Observed => sinks.Length > 0;

    private bool Audited => !ReferenceEquals(audit, NullAuditLog.Instance);

    /// <summary>Publishes the run's start and audits it; call once, before the first <see cref="Step"/>.</summary>
    /// <param name="time">The first bar's time in a backtest; the wall-clock time of a run on a market.</param>
    public void Begin(DateTime time)
    {
        startTime = time;
        Publish(TradingEventKind.RunStarted, null, time, new TradingEventDetails(Cash: venue.Cash, Equity: KnownEquity));
        Audit("run_start", AuditOutcome.Success, "", ("strategy", strategy.Name));
    }

    /// <summary>
    /// Runs one bar through the loop (see the class summary). On a warm-up bar (<paramref name="warmUpRefusal"/> not
    /// null) the strategy sees the bar, but every order it places is refused with that reason, without reaching the risk
    /// guard or the venue: it is neither listed nor published, and the strategy hears of the refusal on the next bar.
    /// </summary>
    /// <param name="bar">The closed bar; bars come in time order, one call each.</param>
    /// <param name="warmUpRefusal">Null on a bar the strategy may trade on.</param>
    public void Step(in Bar bar, string? warmUpRefusal = null)
    {
        Advance(bar, warmUpRefusal);
        Decide();
    }

    /// <summary><paramref name="cash"/> plus this symbol's position valued at its latest close (<see cref="ContractTerms.Value"/>).</summary>
    internal decimal Mark(decimal cash) => options.Contract.Value(cash, venue.Position, venue.SettlementPrice, bar.Close);

    /// <summary>
    /// Makes this run one symbol of a portfolio run whose venues share one cash account: <see cref="Equity"/> (and so
    /// the sizer's stake and the daily-loss limit) is then <paramref name="view"/>'s total. Call before <see cref="Begin"/>.
    /// </summary>
    internal void SharePortfolio(PortfolioView view)
    {
        portfolio = view;
        sharesCash = true;
    }

    /// <summary>The first half of <see cref="Step"/>: the venue's updates (steps 1 and 2); a portfolio run does it for every symbol of a time before <see cref="Decide"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Advance(in Bar bar, string? warmUpRefusal)
    {
        index++;
        this.bar = bar;
        this.warmUpRefusal = warmUpRefusal;
        var fills = venue.FillCount;
        venue.Update(bar, index, changed);
        if (changed.Count > 0 || pendingUpdates.Count > 0)
        {
            DeliverUpdates();
        }

        // Cash and position change only by fills: the curve values the bars between fills when read.
        if (curve is not null && venue.FillCount != fills)
        {
            curve.Hold(index, venue.Cash, venue.Position, venue.SettlementPrice);
        }
    }

    /// <summary>The second half of <see cref="Step"/>: the risk guard and the strategy on the bar given to <see cref="Advance"/> (steps 3 to 5).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Decide()
    {
        if (watchLoss)
        {
            var equityBefore = equity;
            equity = Equity;
            if (risk.MarkEquity(bar.Time, equityBefore, equity) is { } killReason)
            {
                EngageKillSwitch(TradingEventKind.RiskLimitHit, killReason, killReason);
            }
        }

        curve?.Close(index);
        strategy.OnBar(this, in bar);
    }

    /// <summary>Publishes the run's end (finished, or failed with <paramref name="failure"/>) and audits it.</summary>
    /// <param name="failure">Null when the run ended normally; else why it failed, already free of secrets.</param>
    public void Finish(string? failure = null)
    {
        Publish(failure is null ? TradingEventKind.RunFinished : TradingEventKind.RunFailed, null, index >= 0 ? bar.Time : startTime,
            new TradingEventDetails(Cash: venue.Cash, Equity: KnownEquity, Reason: failure));
        Audit("run_stop", failure is null ? AuditOutcome.Success : AuditOutcome.Failure, failure ?? "", ("bars", BarsSeen.ToString(CultureInfo.InvariantCulture)));
    }

    /// <inheritdoc />
    public override Order Submit(OrderRequest request)
    {
        var quantity = request.Quantity ?? (request.Side == OrderSide.Buy ? Stake : venue.Position);
        if (warmUpRefusal is not null)
        {
            var refused = new Order(0, venue.Symbol, request, quantity, OrderRole.Strategy, index, bar.Time) { Status = OrderStatus.Rejected, Reason = warmUpRefusal };
            pendingUpdates.Add(refused);
            WarmUpRefusals++;
            return refused;
        }

        var reference = request.LimitPrice ?? request.StopPrice ?? bar.Close;
        string? refusal = null;
        var stoppedBefore = risk.KillSwitchEngaged;
        if (quantity > 0 && risk.ChecksOrders)
        {
            var buy = request.Side == OrderSide.Buy;
            var opens = buy || options.ShortSelling ? Opening(request.Side, quantity) : 0;
            var positionAfter = venue.Position + (buy ? WorkingUnits(OrderSide.Buy) + quantity : -WorkingUnits(OrderSide.Sell) - (opens > 0 ? quantity : 0));
            refusal = risk.Check(opens > 0, quantity, reference, Math.Abs(positionAfter), bar.Time);
        }

        // Once stopped, the stop was announced; a strategy that keeps trying (every bar) is refused and audited, not announced.
        var announce = refusal is null || !stoppedBefore;
        if (refusal is not null && announce && Observed)
        {
            Publish(TradingEventKind.RiskLimitHit, request.Side, bar.Time, new TradingEventDetails(Quantity: quantity, Price: reference, Reason: refusal));
        }

        return Placed(venue.Place(request, quantity, OrderRole.Strategy, index, bar.Time, reference, refusal), announce);
    }

    /// <inheritdoc />
    public override bool Cancel(Order order) => Cancel(order, "cancelled by the strategy");

    /// <summary>
    /// The operator's kill switch, the risk guard's own: every later order that adds exposure is refused, for the rest of
    /// the run. Unless <paramref name="restored"/> (a halted run resumed), it is also published, audited (by the operator)
    /// and the working buys are cancelled.
    /// </summary>
    /// <param name="reason">Why, in the operator's words, e.g. <c>stopped by the operator</c>.</param>
    /// <param name="restored">True when a saved halt is engaged again on resume.</param>
    public void Halt(string reason, bool restored = false)
    {
        risk.EngageKillSwitch("the operator's kill switch is engaged: " + reason);
        if (!restored)
        {
            EngageKillSwitch(TradingEventKind.StoppedByOperator, "kill switch: " + reason, reason, ("by", "operator"));
        }
    }

    /// <summary>
    /// The operator's close-all: audited, every working order is cancelled, and the whole position is closed at market
    /// (a long sold, a short bought back) with <see cref="OrderRole.Operator"/> (no risk check: it only reduces
    /// exposure; the strategy is not told).
    /// </summary>
    /// <returns>The closing order (it may come back rejected), or null when nothing is held.</returns>
    public Order? CloseAll()
    {
        Audit("close_all", AuditOutcome.Success, "", ("by", "operator"));
        foreach (var order in venue.WorkingOrders.ToArray())
        {
            Cancel(order, "cancelled by the operator's close-all");
        }

        if (venue.Position == 0)
        {
            return null;
        }

        var units = Math.Abs(venue.Position);
        var time = index >= 0 ? bar.Time : DateTime.UtcNow;
        var side = venue.Position > 0 ? OrderSide.Sell : OrderSide.Buy;
        return Placed(venue.Place(new OrderRequest(side, units), units, OrderRole.Operator, index, time, bar.Close, refusal: null));
    }

    private decimal? KnownEquity => index >= 0 || venue.Position == 0 ? Equity : null;

    private Order Placed(Order order, bool announce = true)
    {
        var rejected = order.Status == OrderStatus.Rejected;
        if (announce)
        {
            PublishOrder(rejected ? TradingEventKind.OrderRejected : TradingEventKind.OrderSubmitted, order);
        }

        AuditOrder(rejected ? "order_rejected" : "order_submitted", order);
        if (rejected)
        {
            pendingUpdates.Add(order); // the strategy hears of it on the next bar, as of any other status change
        }

        return order;
    }

    private bool Cancel(Order order, string reason)
    {
        if (!venue.Cancel(order, reason))
        {
            return false;
        }

        // A venue that must ask the market reports the outcome through its next update instead.
        if (order.Status == OrderStatus.Cancelled)
        {
            PublishOrder(TradingEventKind.OrderCancelled, order);
            pendingUpdates.Add(order);
        }

        return true;
    }

    /// <summary>Units of working <paramref name="side"/> orders, protective exits left out (they only reduce a position).</summary>
    private decimal WorkingUnits(OrderSide side)
    {
        var units = 0m;
        var working = venue.WorkingOrders;
        for (var i = 0; i < working.Count; i++)
        {
            if (working[i].Side == side && working[i].Role is not (OrderRole.StopLoss or OrderRole.TakeProfit))
            {
                units += working[i].Quantity;
            }
        }

        return units;
    }

    private decimal Opening(OrderSide side, decimal quantity) => Exposure.Opening(side, quantity, venue.Position);

    private void DeliverUpdates()
    {
        foreach (var order in changed)
        {
            PublishStatus(order);
        }

        pendingUpdates.AddRange(changed);
        changed.Clear();

        // The strategy may place orders from its callback; those it hears about on the next bar.
        (delivering, pendingUpdates) = (pendingUpdates, delivering);
        foreach (var order in delivering)
        {
            if (order.Role is not (OrderRole.Operator or OrderRole.Resumed))
            {
                strategy.OnOrderUpdate(this, order);
            }
        }

        delivering.Clear();
    }

    private void PublishStatus(Order order)
    {
        // Venues report only orders that ended: filled, rejected, cancelled or expired.
        var status = order.Status;
        PublishOrder(status switch
        {
            OrderStatus.Filled => TradingEventKind.OrderFilled,
            OrderStatus.Rejected => TradingEventKind.OrderRejected,
            OrderStatus.Cancelled => TradingEventKind.OrderCancelled,
            _ => TradingEventKind.OrderExpired,
        }, order);
        if (status is OrderStatus.Filled or OrderStatus.Rejected)
        {
            AuditOrder(status == OrderStatus.Filled ? "order_filled" : "order_rejected", order);
        }

        if (status == OrderStatus.Filled && order.Role is (OrderRole.StopLoss or OrderRole.TakeProfit))
        {
            PublishOrder(order.Role == OrderRole.StopLoss ? TradingEventKind.StopLossTriggered : TradingEventKind.TakeProfitHit, order);
        }
    }

    private void EngageKillSwitch(TradingEventKind announcement, string eventReason, string auditReason, params (string Key, string Value)[] details)
    {
        Publish(announcement, null, index >= 0 ? bar.Time : startTime, new TradingEventDetails(Equity: KnownEquity, Reason: eventReason));
        Audit("kill_switch", AuditOutcome.Success, auditReason, details);
        foreach (var order in venue.WorkingOrders.ToArray())
        {
            if (order.Role is not (OrderRole.StopLoss or OrderRole.TakeProfit) && (order.Side == OrderSide.Buy || options.ShortSelling) &&
                Opening(order.Side, order.Quantity) > 0)
            {
                Cancel(order, "kill switch engaged");
            }
        }
    }

    private TradingEventDetails Details(Order order)
    {
        var filled = order.Status == OrderStatus.Filled;
        var trades = venue.Trades;
        ClosedTrade? closed = filled && trades.Count > 0 && ClosedLast(order, trades[^1]) ? trades[^1] : null;
        return new TradingEventDetails(
            OrderId: order.Id,
            Quantity: order.Quantity,
            Price: filled ? order.FillPrice : order.LimitPrice ?? order.StopPrice,
            Commission: filled ? order.Commission : null,
            Cash: venue.Cash,
            Equity: KnownEquity,
            RealizedPnl: closed?.NetPnl,
            Reason: order.Reason);
    }

    /// <summary>True when <paramref name="order"/>'s fill closed <paramref name="last"/>: it traded against it and left the position flat or reversed.</summary>
    private bool ClosedLast(Order order, ClosedTrade last)
    {
        var closingSide = last.Quantity > 0 ? OrderSide.Sell : OrderSide.Buy;
        var reversed = closingSide == OrderSide.Sell ? venue.Position < 0 : venue.Position > 0;
        return order.Side == closingSide && (venue.Position == 0 || reversed);
    }

    private void PublishOrder(TradingEventKind kind, Order order)
    {
        if (Observed)
        {
            Publish(kind, order.Side, index >= 0 ? bar.Time : order.PlacedAt, Details(order));
        }
    }

    private void AuditOrder(string action, Order order)
    {
        var rejected = order.Status == OrderStatus.Rejected;
        if (Audited)
        {
            Audit(action, rejected ? AuditOutcome.Denied : AuditOutcome.Success, rejected ? order.Reason ?? "" : "",
                ("order", order.Id.ToString(CultureInfo.InvariantCulture)), ("side", order.Side.ToString()), ("type", order.Type.ToString()));
        }
    }

    private void Publish(TradingEventKind kind, OrderSide? side, DateTime time, TradingEventDetails details)
    {
        // Callers on the per-bar path check Observed first, so that unobserved backtests build no details.
        var tradingEvent = new TradingEvent(kind, venue.Symbol, side, mode, time, details);
        foreach (var sink in sinks)
        {
            sink.Publish(tradingEvent);
        }
    }

    private void Audit(string action, AuditOutcome outcome, string reason, params (string Key, string Value)[] details)
    {
        if (!Audited)
        {
            return;
        }

        var map = details.ToDictionary(d => d.Key, d => d.Value);
        map["mode"] = mode == TradingMode.Live ? "live" : "paper";
        audit.Record(new AuditEvent(actor, actor + "." + action, venue.Symbol, outcome, reason, map));
    }
}
