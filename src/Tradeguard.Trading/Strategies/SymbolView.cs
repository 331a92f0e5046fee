using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Strategies;

/// <summary>One symbol of the run as another symbol's strategy may see it (<see cref="PortfolioView.Symbols"/>): read-only.</summary>
public sealed class SymbolView
{
    private readonly TradingRun run;

    internal SymbolView(TradingRun run) => this.run = run;

    /// <summary>The instrument, e.g. <c>ORCL</c>.</summary>
    public string Symbol => run.Symbol;

    /// <summary>Bars of this symbol stepped so far.</summary>
    public int BarsSeen => run.BarsSeen;

    /// <summary>The latest bar of this symbol (prices in quote currency per unit); null before its first.</summary>
    public Bar? LastBar => run.BarsSeen > 0 ? run.LastBar : null;

    /// <summary>Units held: above 0 long, below 0 short.</summary>
    public decimal Position => run.Position;
}
