using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Reports;

namespace Tradeguard.Trading.Runs;

/// <summary>A finished run and its summary figures.</summary>
/// <param name="Result">What the engine left.</param>
/// <param name="Metrics">The summary figures.</param>
public sealed record RunReport(RunResult Result, PerformanceMetrics Metrics);
