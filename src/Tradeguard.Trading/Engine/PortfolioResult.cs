namespace Tradeguard.Trading.Engine;

/// <summary>A finished portfolio run: the whole portfolio, and each symbol's part of it.</summary>
/// <param name="Total">
/// The portfolio as one run: symbol <c>ORCL+YHOO</c>, the first symbol's strategy name, the shared cash, the equity
/// curve with one point per distinct bar time (cash plus every position at its latest close; the point's position is
/// the sum of the absolute positions, so it is 0 exactly when nothing is held), every symbol's trades in exit-time
/// order and orders in placing order. Summary figures come from it as from a single-symbol run.
/// </param>
/// <param name="Symbols">Each symbol's figures, in config order.</param>
public sealed record PortfolioResult(RunResult Total, IReadOnlyList<SymbolResult> Symbols);
