using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Runs;

/// <summary>A finished portfolio run: the whole portfolio as one run with its summary figures, and each symbol's part.</summary>
/// <param name="Total">The portfolio's result (<see cref="PortfolioResult.Total"/>) and its metrics, computed as for a single-symbol run.</param>
/// <param name="Symbols">Each symbol's trades, net P&amp;L, commission and final position, in config order.</param>
public sealed record PortfolioReport(RunReport Total, IReadOnlyList<SymbolResult> Symbols);
