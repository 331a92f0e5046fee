using Tradeguard.Core.Audit;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Engine;

/// <summary>
/// Runs one strategy against a venue with the one loop of <see cref="TradingRun"/>: <see cref="Run"/> backtests it over
/// a bar series on a <see cref="PaperBroker"/>; <see cref="Start"/> hands the loop to a driver that feeds it bars from a
/// market (the exchange runner), against any <see cref="IVenue"/>. Events go to the sinks and the sensitive actions to
/// the audit log, the same in every mode.
/// </summary>
public sealed class TradingEngine
{
    private const int ProgressEvery = 8192;
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

    /// <summary>Backtests the strategy over every bar of <paramref name="series"/> on a paper venue (events are paper, audit actor <c>engine</c>).</summary>
    /// <param name="series">The bars.</param>
    /// <param name="progress">Told how far the run has got every few thousand bars and at the end.</param>
    /// <param name="cancellationToken">Stops the run between bars by throwing <see cref="OperationCanceledException"/>.</param>
    public RunResult Run(BarSeries series, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var venue = new PaperBroker(series.Symbol, options.InitialCash, options.Commission, options.Slippage, options.DefaultBracket,
            options.Contract, options.ShortSelling, options.Instrument);
        var curve = new EquityCurve(series, venue.Cash, options.Contract);
        var run = new TradingRun(strategy, options, venue, sinks, audit, TradingMode.Paper, "engine", curve);
        var bars = series.Span;
        run.Begin(bars.Length > 0 ? bars[0].Time : DateTime.MinValue);
        for (var index = 0; index < bars.Length; index++)
        {
            if ((index & (ProgressEvery - 1)) == 0 && index > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new RunProgress(index, bars.Length));
            }

            run.Step(bars[index]);
        }

        progress?.Report(new RunProgress(run.BarsSeen, bars.Length));
        run.Finish();
        var portfolio = venue.Portfolio;
        return new RunResult(series.Symbol, strategy.Name, portfolio.InitialCash, portfolio.CashMarkedAt(run.LastBar.Close), portfolio.Position,
            run.Equity, portfolio.TotalCommission, curve, portfolio.Trades, venue.Orders, run.KillSwitchEngaged);
    }

    /// <summary>
    /// Starts a run against <paramref name="venue"/> that the caller drives: <see cref="TradingRun.Begin"/>, one
    /// <see cref="TradingRun.Step"/> per closed bar, <see cref="TradingRun.Finish"/>. Keeps no equity curve.
    /// </summary>
    /// <param name="venue">Where orders go; its cash and position are the run's.</param>
    /// <param name="mode">Paper or live: the marker of every event and audit record of the run.</param>
    /// <param name="actor">The audit actor and action prefix, e.g. <c>exchange</c> gives <c>exchange.order_filled</c>.</param>
    public TradingRun Start(IVenue venue, TradingMode mode, string actor) =>
        new(strategy, options, venue, sinks, audit, mode, actor, curve: null);
}
