using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.State;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Exchange.Runner;

/// <summary>
/// Runs a Trading <see cref="Strategy"/> on an exchange: the engine's one loop (<see cref="TradingRun"/>) against an
/// exchange venue, fed closed candles. This class holds only what is particular to exchanges: polling for closed
/// candles, catch-up candles that only warm the strategy, the run state file, and the operator's switches. Fills are
/// the exchange's; against the sandbox (which matches with the paper broker) a run is therefore the backtest, step for
/// step. Hosted-service friendly: <see cref="RunAsync"/> stops between candles when its token fires, sending no new order
/// after that. <see cref="Control"/> takes the operator's pause, kill switch and close-all from any thread;
/// <see cref="Snapshot"/> reads the state from any thread. With a <see cref="RunStateFile"/> the run resumes where it
/// stopped: last candle, working orders, trade cursor, operator switches (docs/exchange.md, "Run state").
/// </summary>
public sealed class ExchangeStrategyRunner
{
    /// <summary>The reason given to the strategy for an order placed on a catch-up candle.</summary>
    private const string StaleCandle = "the candle is no longer the latest: the market has moved on since it closed";
    private readonly IExchangeClient client;
    private readonly ExchangeRunOptions options;
    private readonly ILogger logger;
    private readonly ExchangeVenue venue;
    private readonly TradingRun run;
    private readonly string strategyName;
    private readonly RunStateFile? stateFile;
    private volatile RunnerSnapshot snapshot;
    private volatile string? haltReason;
    private volatile bool finished;
    private decimal? startEquity;
    // The candles and equity this process saw, for the end-of-run report (about 90 bytes a candle).
    private readonly List<Bar> bars = [];
    private readonly List<EquityPoint> curve = [];
    private decimal? peakEquity;
    private decimal? dayOpenEquity;
    private DateOnly equityDay;
    private int barsBefore;
    private long lastOpenTime;
    private bool started;

    /// <summary>Creates a runner.</summary>
    /// <param name="client">The exchange.</param>
    /// <param name="strategy">The strategy (one run per instance: strategies keep state).</param>
    /// <param name="options">Symbol, interval, sizing, risk and mode.</param>
    /// <param name="sinks">Receive every event.</param>
    /// <param name="audit">Records the run, orders submitted, sent, filled and rejected, the kill switch and close-all (actor <c>exchange</c>).</param>
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
        this.options = options;
        this.logger = logger ?? NullLogger.Instance;
        audit ??= NullAuditLog.Instance;
        venue = new ExchangeVenue(client, options.Symbol, options.Mode, Control, audit, this.logger);
        run = new TradingEngine(strategy, options.Engine, sinks, audit).Start(venue, options.Mode, "exchange");
        strategyName = strategy.Name;
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

    /// <summary>Every order of the run (the strategy's and the operator's), in order, with the state last reported by the exchange.</summary>
    public IReadOnlyList<Order> Orders => venue.Orders;

    /// <summary>Units of the base asset held (from the account at start, then from fills).</summary>
    public decimal Position => venue.Position;

    /// <summary>Free quote asset (from the account at start, then from fills), quote currency.</summary>
    public decimal Cash => venue.Cash;

    /// <summary>Candles the strategy has seen.</summary>
    public int BarsSeen => run.BarsSeen;

    /// <summary>The candle the strategy saw last.</summary>
    public Bar LastBar => run.LastBar;

    /// <summary>The candles this process saw, oldest first (the prices of the report's chart).</summary>
    public IReadOnlyList<Bar> Bars => bars;

    /// <summary>
    /// This process's part of the run as a backtest reports it: start value (equity at the first candle), final value,
    /// the equity curve after each candle, the round trips it closed, every order, and whether the kill switch engaged.
    /// </summary>
    public RunResult Result() =>
        new(options.Symbol, strategyName, startEquity ?? Cash, Cash, Position, BarsSeen > 0 ? Cash + (Position * LastBar.Close) : Cash,
            Orders.Where(o => o.Status == OrderStatus.Filled).Sum(o => o.Commission), curve, venue.Trades, Orders, run.KillSwitchEngaged);

    /// <summary>Reads the symbol's assets and the account's balances, and resumes a saved run; call once before polling.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the exchange does not list the symbol, or the saved run is another symbol's; exit 6 when the exchange fails.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await venue.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (stateFile?.Load() is { } saved)
        {
            await ResumeAsync(saved, cancellationToken).ConfigureAwait(false);
        }

        started = true;
        PublishSnapshot();
        SaveState();
        run.Begin(DateTime.UtcNow);
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

        string? failure = null;
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
            // Exception messages here name endpoints and exchange codes, never keys; the redactor masks anything registered anyway.
            failure = Redactor.Shared.Redact(e.Message);
            throw;
        }
        finally
        {
            finished = true;
            Control.Close();
            SaveState();
            run.Finish(failure);
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
        var klines = await client.GetKlinesAsync(options.Symbol, options.Interval, lastOpenTime + 1, null, 1000, cancellationToken).ConfigureAwait(false);
        var processed = 0;
        var refusedBefore = run.WarmUpRefusals;
        var closed = klines.Where(k => k.CloseTime < now && k.OpenTime > lastOpenTime).ToArray();
        foreach (var kline in closed)
        {
            if (BarsSeen >= options.MaxBars)
            {
                break;
            }

            await venue.RefreshAsync(kline.CloseTime, run.BarsSeen, cancellationToken).ConfigureAwait(false);
            var bar = new Bar(DateTimeOffset.FromUnixTimeMilliseconds(kline.OpenTime).UtcDateTime, kline.Open, kline.High, kline.Low, kline.Close, kline.Volume);

            // Catching up on several candles, only the latest may trade: an order for an older one would meet a later market.
            run.Step(bar, ReferenceEquals(kline, closed[^1]) ? null : StaleCandle);
            startEquity ??= run.Equity;
            bars.Add(bar);
            curve.Add(new EquityPoint(bar.Time, run.Equity, Position));
            lastOpenTime = kline.OpenTime;
            cancellationToken.ThrowIfCancellationRequested();
            await venue.FlushAsync(cancellationToken).ConfigureAwait(false);
            processed++;
            PublishSnapshot();
            SaveState();
        }

        if (run.WarmUpRefusals > refusedBefore)
        {
            logger.LogInformation(
                "Caught up on {Candles} candles at once: {Orders} strategy order(s) on the older ones were not sent, because the market has moved on since they closed (catch-up candles only warm the strategy)",
                processed, run.WarmUpRefusals - refusedBefore);
        }

        return processed;
    }

    private async Task ResumeAsync(RunState saved, CancellationToken cancellationToken)
    {
        if (saved.Symbol != options.Symbol)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"the run state {stateFile!.Path} is for {saved.Symbol}, not {options.Symbol}; give this run another \"name\" or pass --reset-state");
        }

        lastOpenTime = Math.Max(lastOpenTime, saved.LastOpenTime);
        barsBefore = saved.BarsSeen;
        startEquity = saved.StartEquity;
        haltReason = saved.Halted;
        if (saved.Halted is not null)
        {
            run.Halt(saved.Halted, restored: true);
        }

        Control.Restore(saved.Paused);
        await venue.ResumeAsync(saved, cancellationToken).ConfigureAwait(false);
        if (saved.Position != Position)
        {
            logger.LogWarning("The {Asset} holding on the exchange differs from the one this run saved: something traded outside this runner", venue.BaseAsset);
        }

        logger.LogInformation("Resumed the {Mode} run {Name}: {Orders} working orders, {Bars} candles seen before{Paused}{Halted}",
            ModeWord, saved.Name, venue.WorkingOrders.Count, saved.BarsSeen, saved.Paused ? ", new orders paused" : "", saved.Halted is null ? "" : ", kill switch engaged");
    }

    private async Task ApplyControlAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        if (Control.TakeHaltRequest() is { } reason && haltReason is null)
        {
            haltReason = reason;
            run.Halt(reason);
            await venue.FlushAsync(cancellationToken).ConfigureAwait(false);
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
        var sell = run.CloseAll();
        await venue.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (sell is null)
        {
            return $"No open {options.Symbol} position; working orders cancelled, new orders paused until /resume.";
        }

        return sell.Status == OrderStatus.Rejected
            ? $"The exchange refused the market sell of the {options.Symbol} position ({sell.Reason}); new orders paused."
            : $"Market sell of the whole {options.Symbol} position sent; working orders cancelled, new orders paused until /resume.";
    }

    private void PublishSnapshot()
    {
        decimal? equity = BarsSeen > 0 ? Cash + (Position * LastBar.Close) : null;
        if (equity is { } now)
        {
            peakEquity = Math.Max(peakEquity ?? now, now);
            var day = DateOnly.FromDateTime(LastBar.Time);
            if (day != equityDay)
            {
                (equityDay, dayOpenEquity) = (day, now);
            }
        }

        var trades = venue.Trades;
        snapshot = new RunnerSnapshot(Control.IsPaused ? RunnerState.Paused : RunnerState.Running, options.Mode, options.Symbol, strategyName,
            venue.BaseAsset, venue.QuoteAsset, BarsSeen, BarsSeen > 0 ? LastBar.Time : null, BarsSeen > 0 ? LastBar.Close : 0m, Position, Cash,
            startEquity, venue.WorkingOrders.Count, Orders.Count(o => o.Status == OrderStatus.Filled), haltReason,
            peakEquity, dayOpenEquity, trades.Count, trades.Count(t => t.NetPnl > 0));
    }

    private void SaveState()
    {
        if (stateFile is null || !started)
        {
            return;
        }

        stateFile.Save(venue.Save(new RunState
        {
            Mode = ModeWord,
            Name = stateFile.Name,
            Symbol = options.Symbol,
            RunTag = venue.RunTag,
            LastOpenTime = Math.Max(lastOpenTime, 0),
            BarsSeen = barsBefore + BarsSeen,
            StartEquity = startEquity,
            Paused = Control.IsPaused,
            Halted = haltReason,
        }));
    }

    private string ModeWord => RunStateFile.ModeWord(options.Mode);
}
