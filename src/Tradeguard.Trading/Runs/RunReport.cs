using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Reports;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Runs;

/// <summary>A finished run and its summary figures.</summary>
/// <param name="Result">What the engine left.</param>
/// <param name="Metrics">The summary figures.</param>
/// <param name="Overlays">The strategy's lines to draw over the price (<see cref="Strategy.Overlays"/>).</param>
public sealed record RunReport(RunResult Result, PerformanceMetrics Metrics, IReadOnlyList<PriceOverlay> Overlays);
