using Tradeguard.Core.Audit;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Risk;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Engine;

/// <summary>
/// Runs one strategy over one bar series, streaming: for each bar the paper broker matches working orders, the
/// strategy hears about every status change, the risk guard marks the day's loss, and the strategy sees the bar and
/// may place orders, which pass the risk guard before they reach the broker. Every step is published as a
/// <see cref="TradingEvent"/> to the sinks and the sensitive actions are written to the audit log.
/// </summary>
public sealed class TradingEngine
{
    private const int ProgressEvery = 8192;

    // The engine's broker is the paper broker: every event it publishes is a paper event.
    private const TradingMode Mode = TradingMode.Paper;
    private readonly Strategy strategy;
    private readonly EngineOptions options;
    private readonly ITradingEventSink[] sinks;
    private readonly IAuditLog audit;

    /// <summary>Creates an engine.</summary>
    /// <param name="strategy">The strategy; one engine run per strategy instance (strategies keep state).</param>
    /// <param name="options">Money, costs, sizing, exits and risk limits.</param>
    /// <param name="sinks">Receive every event, in order.</param>
    /// <param name="audit">Records run start and stop, orders placed, filled and rejected, and the kill switch.</param>
    public TradingEngine(Strategy strategy, EngineOptions options, IEnumerable<ITradingEventSink>? sinks = null, IAuditLog? audit = null)
    {
        this.strategy = strategy;
        this.options = options;
        this.sinks = sinks?.ToArray() ?? [];
        this.audit = audit ?? NullAuditLog.Instance;
    }

    /// <summary>Runs the strategy over every bar of <paramref name="series"/>.</summary>
    /// <param name="series">The bars.</param>
    /// <param name="progress">Told how far the run has got every few thousand bars and at the end.</param>
    /// <param name="cancellationToken">Stops the run between bars (the result then covers the bars seen).</param>
    public RunResult Run(BarSeries series, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = new RunState(this, series);
        return run.Execute(progress, cancellationToken);
    }

    /// <summary>The state of one run; it is also the strategy's view of it.</summary>
    private sealed class RunState : StrategyContext
    {
        private readonly TradingEngine engine;
        private readonly BarSeries series;
        private readonly Portfolio portfolio;
        private readonly PaperBroker broker;
        private readonly RiskGuard risk;
        private readonly List<Order> changed = [];
        private List<Order> pendingUpdates = [];
        private List<Order> delivering = [];
        private Bar bar;
        private int index;

        public RunState(TradingEngine engine, BarSeries series)
        {
            this.engine = engine;
            this.series = series;
            portfolio = new Portfolio(series.Symbol, engine.options.InitialCash);
            broker = new PaperBroker(portfolio, engine.options.Commission, engine.options.Slippage);
            risk = new RiskGuard(engine.options.Risk);
        }

        public override string Symbol => series.Symbol;

        public override int BarIndex => index;

        public override decimal Position => portfolio.Position;

        public override decimal Cash => portfolio.Cash;

        public override decimal Equity => portfolio.Equity(bar.Close);

        public override bool HasWorkingOrders
        {
            get
            {
                foreach (var order in broker.Working)
                {
                    if (order.Role == OrderRole.Strategy)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public RunResult Execute(IProgress<RunProgress>? progress, CancellationToken cancellationToken)
        {
            var bars = series.Span;
            var curve = new EquityCurve(series, portfolio.Cash);
            var watchLoss = risk.WatchesDailyLoss;
            var equity = portfolio.Cash;
            var startTime = bars.Length > 0 ? bars[0].Time : DateTime.MinValue;
            Publish(TradingEventKind.RunStarted, null, startTime, new TradingEventDetails(Cash: portfolio.Cash, Equity: portfolio.Cash));
            Audit("engine.run_start", AuditOutcome.Success, "", ("strategy", engine.strategy.Name));

            for (index = 0; index < bars.Length; index++)
            {
                if ((index & (ProgressEvery - 1)) == 0 && index > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new RunProgress(index, bars.Length));
                }

                bar = bars[index];
                var fills = portfolio.FillCount;
                broker.Process(bar, index, changed, engine.options.DefaultBracket);
                if (changed.Count > 0 || pendingUpdates.Count > 0)
                {
                    DeliverUpdates();
                }

                // Cash and position change only by fills: the curve values the bars between fills when read.
                if (portfolio.FillCount != fills)
                {
                    curve.Hold(index, portfolio.Cash, portfolio.Position);
                }

                if (watchLoss)
                {
                    var equityBefore = equity;
                    equity = portfolio.Equity(bar.Close);
                    if (risk.MarkEquity(bar.Time, equityBefore, equity) is { } killReason)
                    {
                        EngageKillSwitch(killReason);
                    }
                }

                curve.Close(index);
                engine.strategy.OnBar(this, bar);
            }

            var seen = curve.Count;
            progress?.Report(new RunProgress(seen, bars.Length));
            var endTime = seen > 0 ? bars[seen - 1].Time : startTime;
            var finalValue = seen > 0 ? portfolio.Equity(bars[seen - 1].Close) : portfolio.Cash;
            Publish(TradingEventKind.RunFinished, null, endTime, new TradingEventDetails(Cash: portfolio.Cash, Equity: finalValue));
            Audit("engine.run_stop", AuditOutcome.Success, "", ("bars", seen.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return new RunResult(series.Symbol, engine.strategy.Name, portfolio.InitialCash, portfolio.Cash, portfolio.Position,
                finalValue, portfolio.TotalCommission, curve, portfolio.Trades, broker.Orders, risk.KillSwitchEngaged);
        }

        public override Order Submit(OrderRequest request)
        {
            var quantity = request.Quantity ?? (request.Side == OrderSide.Buy
                ? engine.options.Sizer.Size(Equity, bar.Close)
                : portfolio.Position);
            var reference = request.LimitPrice ?? request.StopPrice ?? bar.Close;
            string? refusal = null;
            if (quantity > 0 && risk.ChecksOrders)
            {
                var positionAfter = portfolio.Position + broker.WorkingBuyUnits() + (request.Side == OrderSide.Buy ? quantity : 0);
                refusal = risk.Check(request.Side, quantity, reference, positionAfter, bar.Time);
            }

            if (refusal is not null && Observed)
            {
                Publish(TradingEventKind.RiskLimitHit, request.Side, bar.Time, new TradingEventDetails(Quantity: quantity, Price: reference, Reason: refusal));
            }

            var order = broker.Place(series.Symbol, request, quantity, OrderRole.Strategy, index, bar.Time, reference, rejection: refusal);
            if (order.Status == OrderStatus.Rejected)
            {
                PublishOrder(TradingEventKind.OrderRejected, order);
                AuditOrder("engine.order_rejected", order);
                pendingUpdates.Add(order);
                return order;
            }

            PublishOrder(TradingEventKind.OrderSubmitted, order);
            AuditOrder("engine.order_submitted", order);
            return order;
        }

        public override bool Cancel(Order order)
        {
            if (!broker.Cancel(order, "cancelled by the strategy"))
            {
                return false;
            }

            PublishOrder(TradingEventKind.OrderCancelled, order);
            pendingUpdates.Add(order);
            return true;
        }

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
                engine.strategy.OnOrderUpdate(this, order);
            }

            delivering.Clear();
        }

        private void PublishStatus(Order order)
        {
            switch (order.Status)
            {
                case OrderStatus.Filled:
                    PublishOrder(TradingEventKind.OrderFilled, order);
                    AuditOrder("engine.order_filled", order);
                    if (order.Role == OrderRole.StopLoss)
                    {
                        PublishOrder(TradingEventKind.StopLossTriggered, order);
                    }
                    else if (order.Role == OrderRole.TakeProfit)
                    {
                        PublishOrder(TradingEventKind.TakeProfitHit, order);
                    }

                    break;
                case OrderStatus.Rejected:
                    PublishOrder(TradingEventKind.OrderRejected, order);
                    AuditOrder("engine.order_rejected", order);
                    break;
                case OrderStatus.Cancelled:
                    PublishOrder(TradingEventKind.OrderCancelled, order);
                    break;
                case OrderStatus.Expired:
                    PublishOrder(TradingEventKind.OrderExpired, order);
                    break;
            }
        }

        private void EngageKillSwitch(string reason)
        {
            Publish(TradingEventKind.RiskLimitHit, null, bar.Time, new TradingEventDetails(Equity: portfolio.Equity(bar.Close), Reason: reason));
            Audit("engine.kill_switch", AuditOutcome.Success, reason);
            foreach (var order in broker.WorkingOrders.ToArray())
            {
                if (order.Side == OrderSide.Buy && broker.Cancel(order, "kill switch engaged"))
                {
                    PublishOrder(TradingEventKind.OrderCancelled, order);
                    pendingUpdates.Add(order);
                }
            }
        }

        private TradingEventDetails Details(Order order)
        {
            var filled = order.Status == OrderStatus.Filled;
            ClosedTrade? closed = filled && order.Side == OrderSide.Sell && portfolio.Position == 0 && portfolio.Trades.Count > 0
                ? portfolio.Trades[^1]
                : null;
            return new TradingEventDetails(
                OrderId: order.Id,
                Quantity: order.Quantity,
                Price: filled ? order.FillPrice : order.LimitPrice ?? order.StopPrice,
                Commission: filled ? order.Commission : null,
                Cash: portfolio.Cash,
                Equity: portfolio.Equity(bar.Close),
                RealizedPnl: closed?.NetPnl,
                Reason: order.Reason);
        }

        /// <summary>True when some sink listens: events and their details are only built then.</summary>
        private bool Observed => engine.sinks.Length > 0;

        private void PublishOrder(TradingEventKind kind, Order order)
        {
            if (Observed)
            {
                Publish(kind, order.Side, bar.Time, Details(order));
            }
        }

        private void AuditOrder(string action, Order order)
        {
            if (ReferenceEquals(engine.audit, NullAuditLog.Instance))
            {
                return;
            }

            var rejected = order.Status == OrderStatus.Rejected;
            Audit(action, rejected ? AuditOutcome.Denied : AuditOutcome.Success, rejected ? order.Reason ?? "" : "",
                ("order", order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("side", order.Side.ToString()), ("type", order.Type.ToString()));
        }

        private void Publish(TradingEventKind kind, OrderSide? side, DateTime time, TradingEventDetails details)
        {
            if (!Observed)
            {
                return;
            }

            var tradingEvent = new TradingEvent(kind, series.Symbol, side, Mode, time, details);
            foreach (var sink in engine.sinks)
            {
                sink.Publish(tradingEvent);
            }
        }

        private void Audit(string action, AuditOutcome outcome, string reason, params (string Key, string Value)[] details)
        {
            if (ReferenceEquals(engine.audit, NullAuditLog.Instance))
            {
                return;
            }

            var map = details.ToDictionary(d => d.Key, d => d.Value);
            map["mode"] = "paper";
            engine.audit.Record(new AuditEvent("engine", action, series.Symbol, outcome, reason, map));
        }
    }
}
