using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.State;
using Tradeguard.Exchange.Models;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Risk;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Exchange.Runner;

/// <summary>
/// Runs a Trading <see cref="Strategy"/> against an exchange through <see cref="IExchangeClient"/>, in the engine's
/// order for each closed candle: order updates from the exchange are applied and told to the strategy, the risk guard
/// marks the day's loss, the strategy sees the candle, and the orders it placed pass the risk guard and are sent.
/// Fills are the exchange's; so against the sandbox (which matches with the paper broker) a run gives the backtest's
/// fills. Events go to the sinks with the run's mode, like the engine's. Hosted-service friendly:
/// <see cref="RunAsync"/> stops between candles when its token fires, sending no new order after that.
/// <see cref="Control"/> takes the operator's pause, kill switch and close-all from any thread; <see cref="Snapshot"/>
/// reads the state from any thread. With a <see cref="RunStateFile"/> the run resumes where it stopped: last candle,
/// working orders, trade cursor, operator switches (docs/exchange.md, "Run state").
/// </summary>
public sealed class ExchangeStrategyRunner
{
    private readonly IExchangeClient client;
    private readonly Strategy strategy;
    private readonly ExchangeRunOptions options;
    private readonly ITradingEventSink[] sinks;
    private readonly IAuditLog audit;
    private readonly ILogger logger;
    private readonly RiskGuard risk;
    private readonly Context context;
    private readonly List<Order> orders = [];
    private readonly Dictionary<long, long> exchangeIds = [];
    private readonly List<Order> outgoing = [];
    private readonly List<Order> cancelling = [];
    private readonly List<Order> pendingUpdates = [];
    private readonly HashSet<long> untold = [];
    private readonly RunStateFile? stateFile;
    private string runTag = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
    private volatile RunnerSnapshot snapshot;
    private volatile string? haltReason;
    private volatile bool finished;
    private decimal? startEquity;
    private int barsBefore;
    private string baseAsset = string.Empty;
    private string quoteAsset = string.Empty;
    private long lastOpenTime;
    private long nextTradeId = 1;
    private long nextId = 1;
    private decimal lastEquity;
    private bool started;
    private bool onLatestCandle;
    private int catchUpOrders;

    /// <summary>Creates a runner.</summary>
    /// <param name="client">The exchange.</param>
    /// <param name="strategy">The strategy (one run per instance: strategies keep state).</param>
    /// <param name="options">Symbol, interval, sizing, risk and mode.</param>
    /// <param name="sinks">Receive every event.</param>
    /// <param name="audit">Records orders sent, filled and rejected.</param>
    /// <param name="logger">Gets one line per order sent and per poll error; amounts stay out of it.</param>
    /// <param name="stateFile">Where the run's state is kept across restarts (its mode must be the run's); null keeps none.</param>
    /// <exception cref="TradeguardException">Exit 5 when the options ask for a default bracket, or the state file is another mode's.</exception>
    public ExchangeStrategyRunner(IExchangeClient client, Strategy strategy, ExchangeRunOptions options,
        IEnumerable<ITradingEventSink>? sinks = null, IAuditLog? audit = null, ILogger? logger = null, RunStateFile? stateFile = null)
    {
        if (stateFile is not null && stateFile.Mode != options.Mode)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"a {RunStateFile.ModeWord(options.Mode)} run cannot use the {RunStateFile.ModeWord(stateFile.Mode)} state file {stateFile.Path}");
        }

        if (options.Engine.DefaultBracket is not null)
        {
            throw new TradeguardException(ExitCode.Configuration,
                "protective exits (broker.exits) are not sent to exchanges yet; remove them from the run config to trade on an exchange");
        }

        this.client = client;
        this.strategy = strategy;
        this.options = options;
        this.sinks = sinks?.ToArray() ?? [];
        this.audit = audit ?? NullAuditLog.Instance;
        this.logger = logger ?? NullLogger.Instance;
        risk = new RiskGuard(options.Engine.Risk);
        context = new Context(this);
        lastOpenTime = (options.StartTime ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) - 1;
        this.stateFile = stateFile;
        snapshot = new RunnerSnapshot(RunnerState.Starting, options.Mode, options.Symbol, strategy.Name, "", "", 0, null, 0m, 0m, 0m, null, 0, 0, null);
    }

    /// <summary>The operator's switches (pause, resume, kill switch, close-all), callable from any thread.</summary>
    public RunnerControl Control { get; } = new();

    /// <summary>The runner's state as of its last step, with the pause switch as it is now; safe from any thread.</summary>
    public RunnerSnapshot Snapshot
    {
        get
        {
            var current = snapshot;
            var state = finished ? RunnerState.Finished
                : current.State == RunnerState.Starting ? RunnerState.Starting
                : haltReason is not null ? RunnerState.Halted
                : Control.IsPaused ? RunnerState.Paused
                : RunnerState.Running;
            return current with { State = state, HaltReason = haltReason };
        }
    }

    /// <summary>Every order the strategy placed, in order, with the state last reported by the exchange.</summary>
    public IReadOnlyList<Order> Orders => orders;

    /// <summary>Units of the base asset held (from the account at start, then from fills).</summary>
    public decimal Position { get; private set; }

    /// <summary>Free quote asset (from the account at start, then from fills), quote currency.</summary>
    public decimal Cash { get; private set; }

    /// <summary>Candles the strategy has seen.</summary>
    public int BarsSeen { get; private set; }

    /// <summary>The candle the strategy saw last.</summary>
    public Bar LastBar { get; private set; }

    /// <summary>Reads the symbol's assets and the account's balances; call once before polling.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the exchange does not list the symbol; exit 6 when it fails.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var info = await client.GetExchangeInfoAsync(options.Symbol, cancellationToken).ConfigureAwait(false);
        var symbol = info.Symbols.FirstOrDefault(s => s.Symbol == options.Symbol)
            ?? throw new TradeguardException(ExitCode.Configuration, $"the exchange does not list the symbol {options.Symbol}");
        baseAsset = symbol.BaseAsset;
        quoteAsset = symbol.QuoteAsset;
        var account = await client.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        Position = account.Total(baseAsset);
        Cash = account.Free(quoteAsset);
        lastEquity = Cash;
        if (stateFile?.Load() is { } saved)
        {
            await ResumeAsync(saved, cancellationToken).ConfigureAwait(false);
        }

        started = true;
        PublishSnapshot();
        SaveState();
        Publish(TradingEventKind.RunStarted, null, DateTime.UtcNow, new TradingEventDetails(Cash: Cash));
        Audit("exchange.run_start", AuditOutcome.Success, "", ("strategy", strategy.Name));
    }

    /// <summary>
    /// Polls until <paramref name="cancellationToken"/> fires: each poll processes every candle closed since the last.
    /// Returns normally on cancellation (no order is sent after it); exchange failures end the run with their exception.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!started)
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
        }

        Exception? failure = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested && !(BarsSeen >= options.MaxBars))
            {
                await PollOnceAsync(cancellationToken).ConfigureAwait(false);
                if (BarsSeen >= options.MaxBars)
                {
                    break;
                }

                await Control.WaitAsync(options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Run stopped: no new orders will be sent");
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            finished = true;
            Control.Close();
            SaveState();
            var time = BarsSeen > 0 ? LastBar.Time : DateTime.UtcNow;
            var bars = ("bars", BarsSeen.ToString(CultureInfo.InvariantCulture));
            if (failure is null)
            {
                Publish(TradingEventKind.RunFinished, null, time, new TradingEventDetails(Cash: Cash));
                Audit("exchange.run_stop", AuditOutcome.Success, "", bars);
            }
            else
            {
                // Exception messages here name endpoints and exchange codes, never keys; the redactor masks anything registered anyway.
                var reason = Redactor.Shared.Redact(failure.Message);
                Publish(TradingEventKind.RunFailed, null, time, new TradingEventDetails(Cash: Cash, Reason: reason));
                Audit("exchange.run_stop", AuditOutcome.Failure, reason, bars);
            }
        }
    }

    /// <summary>Processes the candles closed since the last poll; returns how many.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        if (!started)
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
        }

        await ApplyControlAsync(cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var klines = await client.GetKlinesAsync(options.Symbol, options.Interval, lastOpenTime + 1, 1000, cancellationToken).ConfigureAwait(false);
        var processed = 0;
        catchUpOrders = 0;
        var closed = klines.Where(k => k.CloseTime < now && k.OpenTime > lastOpenTime).ToArray();
        foreach (var kline in closed)
        {
            if (BarsSeen >= options.MaxBars)
            {
                break;
            }

            // Catching up on several candles, only the latest may trade: an order for an older one would meet a later market.
            onLatestCandle = ReferenceEquals(kline, closed[^1]);
            await ApplyExchangeUpdatesAsync(kline.CloseTime, cancellationToken).ConfigureAwait(false);
            var bar = new Bar(DateTimeOffset.FromUnixTimeMilliseconds(kline.OpenTime).UtcDateTime, kline.Open, kline.High, kline.Low, kline.Close, kline.Volume);
            LastBar = bar;
            DeliverUpdates();
            var equity = Cash + (Position * bar.Close);
            if (risk.MarkEquity(bar.Time, lastEquity, equity) is { } killReason)
            {
                EngageKillSwitch(killReason);
            }

            lastEquity = equity;
            startEquity ??= equity;
            BarsSeen++;
            lastOpenTime = kline.OpenTime;
            strategy.OnBar(context, bar);
            cancellationToken.ThrowIfCancellationRequested();
            await SendAsync(cancellationToken).ConfigureAwait(false);
            processed++;
            PublishSnapshot();
            SaveState();
        }

        if (catchUpOrders > 0)
        {
            logger.LogInformation(
                "Caught up on {Candles} candles at once: {Orders} strategy order(s) on the older ones were not sent, because the market has moved on since they closed (catch-up candles only warm the strategy)",
                processed, catchUpOrders);
        }

        return processed;
    }

    private async Task ApplyExchangeUpdatesAsync(long closeTime, CancellationToken cancellationToken)
    {
        var working = orders.Where(o => o.IsWorking && exchangeIds.ContainsKey(o.Id)).ToArray();
        if (working.Length == 0)
        {
            return;
        }

        IReadOnlyList<TradeReport>? trades = null;
        foreach (var order in working)
        {
            var report = await client.GetOrderAsync(options.Symbol, exchangeIds[order.Id], cancellationToken).ConfigureAwait(false);
            switch (report.Status)
            {
                case ExchangeOrderStatus.Filled when report.UpdateTime <= closeTime:
                    trades ??= await client.GetMyTradesAsync(options.Symbol, nextTradeId, cancellationToken).ConfigureAwait(false);
                    var fills = trades.Where(t => t.OrderId == report.OrderId).ToArray();
                    var commission = fills.Where(t => t.CommissionAsset == quoteAsset).Sum(t => t.Commission);
                    var baseCommission = fills.Where(t => t.CommissionAsset == baseAsset).Sum(t => t.Commission);
                    var price = report.AveragePrice!.Value;
                    var time = DateTimeOffset.FromUnixTimeMilliseconds(report.UpdateTime).UtcDateTime;
                    if (order.Side == OrderSide.Buy)
                    {
                        Position += report.ExecutedQty - baseCommission;
                        Cash -= report.CummulativeQuoteQty + commission;
                    }
                    else
                    {
                        Position -= report.ExecutedQty + baseCommission;
                        Cash += report.CummulativeQuoteQty - commission;
                    }

                    RemoteOrders.MarkFilled(order, price, commission, time, BarsSeen);
                    pendingUpdates.Add(order);
                    Publish(TradingEventKind.OrderFilled, order.Side, time, Details(order));
                    Audit("exchange.order_filled", AuditOutcome.Success, "", ("order", Id(order)), ("side", order.Side.ToString()));
                    break;
                case ExchangeOrderStatus.Canceled:
                    Close(order, OrderStatus.Cancelled, "cancelled on the exchange", TradingEventKind.OrderCancelled);
                    break;
                case ExchangeOrderStatus.Expired or ExchangeOrderStatus.ExpiredInMatch:
                    Close(order, OrderStatus.Expired, "expired on the exchange", TradingEventKind.OrderExpired);
                    break;
                case ExchangeOrderStatus.Rejected:
                    Close(order, OrderStatus.Rejected, "rejected by the exchange", TradingEventKind.OrderRejected);
                    break;
            }
        }

        if (trades is { Count: > 0 })
        {
            nextTradeId = trades.Max(t => t.Id) + 1;
        }
    }

    private void Close(Order order, OrderStatus status, string reason, TradingEventKind kind)
    {
        RemoteOrders.MarkClosed(order, status, reason);
        pendingUpdates.Add(order);
        Publish(kind, order.Side, LastBar.Time, Details(order));
    }

    private void DeliverUpdates()
    {
        var updates = pendingUpdates.ToArray();
        pendingUpdates.Clear();
        foreach (var order in updates.Where(o => !untold.Contains(o.Id)))
        {
            strategy.OnOrderUpdate(context, order);
        }
    }

    private void EngageKillSwitch(string reason)
    {
        Publish(TradingEventKind.RiskLimitHit, null, LastBar.Time, new TradingEventDetails(Reason: reason));
        Audit("exchange.kill_switch", AuditOutcome.Success, reason);
        cancelling.AddRange(orders.Where(o => o.IsWorking && o.Side == OrderSide.Buy));
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        foreach (var order in cancelling.Distinct().ToArray())
        {
            if (order.IsWorking && exchangeIds.TryGetValue(order.Id, out var exchangeId))
            {
                try
                {
                    await client.CancelOrderAsync(options.Symbol, exchangeId, cancellationToken).ConfigureAwait(false);
                    Close(order, OrderStatus.Cancelled, "cancelled by the strategy", TradingEventKind.OrderCancelled);
                }
                catch (ExchangeApiException e) when (e.Code == -2011)
                {
                    logger.LogInformation("Order {Order} could not be cancelled: it is no longer working on the exchange", order.Id);
                }
            }
        }

        cancelling.Clear();
        foreach (var order in outgoing.ToArray())
        {
            outgoing.Remove(order);
            var request = new NewOrder(options.Symbol, order.Side, order.Type, order.Quantity, order.LimitPrice, order.StopPrice,
                $"tg-{runTag}-{order.Id.ToString(CultureInfo.InvariantCulture)}");
            try
            {
                var report = await client.PlaceOrderAsync(request, cancellationToken).ConfigureAwait(false);
                exchangeIds[order.Id] = report.OrderId;
                logger.LogInformation("{Side} {Type} order {Order} sent ({Mode})", order.Side, order.Type, order.Id, ModeWord);
                Audit("exchange.order_sent", AuditOutcome.Success, "", ("order", Id(order)), ("side", order.Side.ToString()), ("type", order.Type.ToString()));
            }
            catch (ExchangeApiException e) when (e.Status is { } status && (int)status is >= 400 and < 500 && e is not ExchangeBannedException && e.Code != -1003)
            {
                RemoteOrders.MarkClosed(order, OrderStatus.Rejected, $"the exchange refused it: {e.Code}");
                pendingUpdates.Add(order);
                Publish(TradingEventKind.OrderRejected, order.Side, LastBar.Time, Details(order));
                Audit("exchange.order_rejected", AuditOutcome.Denied, e.Code.ToString(CultureInfo.InvariantCulture), ("order", Id(order)), ("side", order.Side.ToString()));
            }
        }
    }

    private async Task ResumeAsync(RunState saved, CancellationToken cancellationToken)
    {
        if (saved.Symbol != options.Symbol)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"the run state {stateFile!.Path} is for {saved.Symbol}, not {options.Symbol}; give this run another \"name\" or pass --reset-state");
        }

        runTag = saved.RunTag;
        nextId = saved.NextOrderId;
        nextTradeId = saved.NextTradeId;
        lastOpenTime = Math.Max(lastOpenTime, saved.LastOpenTime);
        barsBefore = saved.BarsSeen;
        startEquity = saved.StartEquity;
        haltReason = saved.Halted;
        Control.Restore(saved.Paused);
        foreach (var working in saved.WorkingOrders)
        {
            try
            {
                await client.GetOrderAsync(options.Symbol, working.ExchangeOrderId, cancellationToken).ConfigureAwait(false);
            }
            catch (ExchangeApiException e) when (e.Code == -2013)
            {
                logger.LogWarning("Order {Order} of the saved run is unknown to the exchange; it is no longer tracked", working.Id);
                continue;
            }

            var request = new OrderRequest(working.Side, working.Quantity, working.Type, working.LimitPrice, working.StopPrice);
            var order = RemoteOrders.Create(working.Id, options.Symbol, request, working.Quantity, -1, working.PlacedAt);
            orders.Add(order);
            exchangeIds[order.Id] = working.ExchangeOrderId;
            untold.Add(order.Id); // this strategy instance never placed it
        }

        if (saved.Position != Position)
        {
            logger.LogWarning("The {Asset} holding on the exchange differs from the one this run saved: something traded outside this runner", baseAsset);
        }

        logger.LogInformation("Resumed the {Mode} run {Name}: {Orders} working orders, {Bars} candles seen before{Paused}{Halted}",
            ModeWord, saved.Name, orders.Count, saved.BarsSeen, saved.Paused ? ", new orders paused" : "", saved.Halted is null ? "" : ", kill switch engaged");
    }

    private async Task ApplyControlAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        if (Control.TakeHaltRequest() is { } reason && haltReason is null)
        {
            haltReason = reason;
            Publish(TradingEventKind.RiskLimitHit, null, LastBar.Time, new TradingEventDetails(Reason: "kill switch: " + reason));
            Audit("exchange.kill_switch", AuditOutcome.Success, reason, ("by", "operator"));
            cancelling.AddRange(orders.Where(o => o.IsWorking && o.Side == OrderSide.Buy));
            await SendAsync(cancellationToken).ConfigureAwait(false);
            changed = true;
        }

        var closeAll = Control.TakeCloseAllRequests();
        if (closeAll.Length > 0)
        {
            string result;
            try
            {
                result = await CloseAllAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                foreach (var waiter in closeAll)
                {
                    waiter.TrySetResult(e is OperationCanceledException ? "The runner is stopping; nothing was closed." : "Close-all failed: the exchange did not take the order (see the service log).");
                }

                throw;
            }

            foreach (var waiter in closeAll)
            {
                waiter.TrySetResult(result);
            }

            changed = true;
        }

        if (changed || Control.IsPaused != (snapshot.State == RunnerState.Paused))
        {
            PublishSnapshot();
            SaveState();
        }
    }

    /// <summary>Pauses new orders, cancels every working order and sells the whole position at market.</summary>
    private async Task<string> CloseAllAsync(CancellationToken cancellationToken)
    {
        Control.Pause();
        Audit("exchange.close_all", AuditOutcome.Success, "", ("by", "operator"));
        cancelling.AddRange(orders.Where(o => o.IsWorking));
        await SendAsync(cancellationToken).ConfigureAwait(false);
        if (Position <= 0)
        {
            return $"No open {options.Symbol} position; working orders cancelled, new orders paused until /resume.";
        }

        var request = new OrderRequest(OrderSide.Sell, Position, OrderType.Market);
        var order = RemoteOrders.Create(nextId++, options.Symbol, request, Position, BarsSeen - 1, BarsSeen > 0 ? LastBar.Time : DateTime.UtcNow);
        orders.Add(order);
        untold.Add(order.Id);
        outgoing.Add(order);
        Publish(TradingEventKind.OrderSubmitted, order.Side, order.PlacedAt, Details(order));
        await SendAsync(cancellationToken).ConfigureAwait(false);
        return order.Status == OrderStatus.Rejected
            ? $"The exchange refused the market sell of the {options.Symbol} position ({order.Reason}); new orders paused."
            : $"Market sell of the whole {options.Symbol} position sent; working orders cancelled, new orders paused until /resume.";
    }

    private void PublishSnapshot() =>
        snapshot = new RunnerSnapshot(Control.IsPaused ? RunnerState.Paused : RunnerState.Running, options.Mode, options.Symbol, strategy.Name,
            baseAsset, quoteAsset, BarsSeen, BarsSeen > 0 ? LastBar.Time : null, BarsSeen > 0 ? LastBar.Close : 0m, Position, Cash,
            startEquity, orders.Count(o => o.IsWorking), orders.Count(o => o.Status == OrderStatus.Filled), haltReason);

    private void SaveState()
    {
        if (stateFile is null || !started)
        {
            return;
        }

        stateFile.Save(new RunState
        {
            Mode = ModeWord,
            Name = stateFile.Name,
            Symbol = options.Symbol,
            RunTag = runTag,
            NextOrderId = nextId,
            NextTradeId = nextTradeId,
            LastOpenTime = Math.Max(lastOpenTime, 0),
            BarsSeen = barsBefore + BarsSeen,
            StartEquity = startEquity,
            Position = Position,
            Cash = Cash,
            Paused = Control.IsPaused,
            Halted = haltReason,
            WorkingOrders = orders.Where(o => o.IsWorking && exchangeIds.ContainsKey(o.Id))
                .Select(o => new WorkingOrder(o.Id, exchangeIds[o.Id], o.Side, o.Type, o.Quantity, o.LimitPrice, o.StopPrice, o.PlacedAt, untold.Contains(o.Id)))
                .ToArray(),
        });
    }

    private string ModeWord => options.Mode == TradingMode.Live ? "live" : "paper";

    private TradingEventDetails Details(Order order) => new(
        OrderId: order.Id,
        Quantity: order.Quantity,
        Price: order.Status == OrderStatus.Filled ? order.FillPrice : order.LimitPrice ?? order.StopPrice,
        Commission: order.Status == OrderStatus.Filled ? order.Commission : null,
        Cash: Cash,
        Reason: order.Reason);

    private void Publish(TradingEventKind kind, OrderSide? side, DateTime time, TradingEventDetails details)
    {
        var tradingEvent = new TradingEvent(kind, options.Symbol, side, options.Mode, time, details);
        foreach (var sink in sinks)
        {
            sink.Publish(tradingEvent);
        }
    }

    private void Audit(string action, AuditOutcome outcome, string reason, params (string Key, string Value)[] details)
    {
        var map = details.ToDictionary(d => d.Key, d => d.Value);
        map["mode"] = ModeWord;
        audit.Record(new AuditEvent("exchange", action, options.Symbol, outcome, reason, map));
    }

    private static string Id(Order order) => order.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The strategy's view: the exchange position and the runner's orders; placing only queues (sent after OnBar).</summary>
    private sealed class Context(ExchangeStrategyRunner runner) : StrategyContext
    {
        /// <summary>The reason given to the strategy for an order placed on a catch-up candle.</summary>
        public const string StaleCandle = "the candle is no longer the latest: the market has moved on since it closed";

        public override string Symbol => runner.options.Symbol;

        public override int BarIndex => runner.BarsSeen - 1;

        public override decimal Position => runner.Position;

        public override decimal Cash => runner.Cash;

        public override decimal Equity => runner.Cash + (runner.Position * runner.LastBar.Close);

        public override bool HasWorkingOrders => runner.orders.Any(o => o.IsWorking);

        public override Order Submit(OrderRequest request)
        {
            var bar = runner.LastBar;
            var quantity = request.Quantity ?? (request.Side == OrderSide.Buy ? runner.options.Engine.Sizer.Size(Equity, bar.Close) : Position);
            if (!runner.onLatestCandle)
            {
                // Catching up, only the latest candle may trade: an order for an older one would meet a later market. It is
                // never an exchange order, so it is neither listed nor published (a resume would otherwise alert once per
                // old candle); the strategy learns it was rejected, and the poll logs the count once.
                var stale = RemoteOrders.Create(0, Symbol, request, quantity, BarIndex, bar.Time);
                RemoteOrders.MarkClosed(stale, OrderStatus.Rejected, StaleCandle);
                runner.pendingUpdates.Add(stale);
                runner.catchUpOrders++;
                return stale;
            }

            var order = RemoteOrders.Create(runner.nextId++, Symbol, request, quantity, BarIndex, bar.Time);
            runner.orders.Add(order);
            var reference = request.LimitPrice ?? request.StopPrice ?? bar.Close;
            var workingBuys = runner.orders.Where(o => o.IsWorking && o.Side == OrderSide.Buy && o != order).Sum(o => o.Quantity);
            var positionAfter = Position + workingBuys + (request.Side == OrderSide.Buy ? quantity : 0);
            var refusal = quantity > 0 ? runner.risk.Check(request.Side, quantity, reference, positionAfter, bar.Time) : null;
            if (refusal is not null)
            {
                runner.Publish(TradingEventKind.RiskLimitHit, request.Side, bar.Time, new TradingEventDetails(Quantity: quantity, Price: reference, Reason: refusal));
            }

            if (refusal is null && runner.Control.IsPaused)
            {
                refusal = "new orders are paused by the operator";
            }

            if (refusal is null && runner.haltReason is not null && request.Side == OrderSide.Buy)
            {
                refusal = "the operator's kill switch is engaged: " + runner.haltReason;
            }

            if (refusal is null && quantity <= 0)
            {
                refusal = "the quantity must be above zero";
            }
            if (refusal is null && BinanceNames.Type(request.Type) is null)
            {
                refusal = $"{request.Type} orders have no exchange equivalent";
            }

            if (refusal is null && (request.Validity ?? OrderValidity.GoodTillCancelled) != OrderValidity.GoodTillCancelled)
            {
                refusal = "only good-till-cancelled orders are sent to exchanges";
            }

            if (refusal is null && request.Bracket is not null)
            {
                refusal = "protective exits are not sent to exchanges yet";
            }

            if (refusal is not null)
            {
                RemoteOrders.MarkClosed(order, OrderStatus.Rejected, refusal);
                runner.pendingUpdates.Add(order);
                runner.Publish(TradingEventKind.OrderRejected, order.Side, bar.Time, runner.Details(order));
                return order;
            }

            runner.outgoing.Add(order);
            runner.Publish(TradingEventKind.OrderSubmitted, order.Side, bar.Time, runner.Details(order));
            return order;
        }

        public override bool Cancel(Order order)
        {
            if (!order.IsWorking)
            {
                return false;
            }

            if (runner.outgoing.Remove(order))
            {
                runner.Close(order, OrderStatus.Cancelled, "cancelled by the strategy", TradingEventKind.OrderCancelled);
                return true;
            }

            runner.cancelling.Add(order);
            return true;
        }
    }
}
