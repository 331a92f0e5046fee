using Tradeguard.Core.Audit;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Reports;

namespace Tradeguard.Trading.Runs;

/// <summary>Runs a checked <see cref="RunPlan"/> over its bars with the paper broker: one symbol, or a portfolio of several.</summary>
public static class Backtest
{
    /// <summary>Runs the plan's strategy (with <paramref name="overrides"/> applied) over <paramref name="bars"/>.</summary>
    /// <param name="plan">The checked config.</param>
    /// <param name="bars">The plan's bars (load them once with <see cref="RunPlan.LoadBars"/> and share them).</param>
    /// <param name="sinks">Receive every event.</param>
    /// <param name="audit">Records the run's sensitive actions.</param>
    /// <param name="progress">Told how far the run has got.</param>
    /// <param name="overrides">Parameter values replacing the plan's.</param>
    /// <param name="cancellationToken">Stops the run between bars.</param>
    /// <exception cref="Tradeguard.Core.Errors.TradeguardException">An override is not acceptable (exit code 5).</exception>
    public static RunReport Run(RunPlan plan, BarSeries bars, IEnumerable<ITradingEventSink>? sinks = null, IAuditLog? audit = null,
        IProgress<RunProgress>? progress = null, IReadOnlyDictionary<string, double>? overrides = null, CancellationToken cancellationToken = default)
    {
        var strategy = plan.CreateStrategy(overrides);
        var engine = new TradingEngine(strategy, plan.Engine, sinks, audit);
        var result = engine.Run(bars, progress, cancellationToken);
        return new RunReport(result, PerformanceMetrics.From(result, plan.RiskFreeRate, plan.PeriodsPerYear), strategy.Overlays);
    }

    /// <summary>
    /// Runs a portfolio plan (<see cref="RunPlan.IsPortfolio"/>): a fresh instance of its strategy per symbol, over
    /// <paramref name="bars"/>, with one cash account (<see cref="PortfolioEngine"/>).
    /// </summary>
    /// <param name="plan">The checked config.</param>
    /// <param name="bars">Every symbol's bars, in config order (<see cref="RunPlan.LoadAllBars"/>).</param>
    /// <param name="sinks">Receive every event of every symbol.</param>
    /// <param name="audit">Records the run's sensitive actions.</param>
    /// <param name="progress">Told how many bars of all symbols have been stepped.</param>
    /// <param name="cancellationToken">Stops the run between bar times.</param>
    public static PortfolioReport RunPortfolio(RunPlan plan, IReadOnlyList<BarSeries> bars, IEnumerable<ITradingEventSink>? sinks = null, IAuditLog? audit = null,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var feeds = bars.Select(series => new SymbolFeed(series, plan.CreateStrategy())).ToArray();
        var result = new PortfolioEngine(plan.Engine, sinks, audit).Run(feeds, progress, cancellationToken);
        // Price overlays belong to one symbol's chart; the portfolio's report draws its equity only.
        var total = new RunReport(result.Total, PerformanceMetrics.From(result.Total, plan.RiskFreeRate, plan.PeriodsPerYear), []);
        return new PortfolioReport(total, result.Symbols);
    }
}
