using Tradeguard.Trading.Data;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Engine;

/// <summary>One symbol of a portfolio run: its bars and its own strategy instance (strategies keep state).</summary>
/// <param name="Bars">The symbol's bars; <see cref="BarSeries.Symbol"/> names it.</param>
/// <param name="Strategy">A strategy instance used by this symbol only.</param>
public sealed record SymbolFeed(BarSeries Bars, Strategy Strategy);
