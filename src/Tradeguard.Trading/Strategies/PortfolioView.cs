using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Strategies;

/// <summary>
/// What a strategy may read of the whole run (<see cref="StrategyContext.Portfolio"/>): every symbol's latest bar and
/// position, the run's cash and its total equity, read-only. A single-symbol run's view lists its one symbol; a
/// portfolio run's (<see cref="PortfolioEngine"/>) lists them all in config order, so a strategy can compare them.
/// Money in quote currency, positions in units.
/// </summary>
/// <remarks>
/// In a portfolio run every symbol with a bar at a time has its bar and its fills applied before any strategy runs
/// at that time, so a strategy sees the others as of the same time (or, for a symbol with no bar then, its latest
/// bar before). Values are read when asked for, never copied.
/// </remarks>
public sealed class PortfolioView
{
    private readonly TradingRun[] runs;
    private readonly SymbolView[] symbols;

    internal PortfolioView(TradingRun[] runs)
    {
        this.runs = runs;
        symbols = Array.ConvertAll(runs, run => new SymbolView(run));
    }

    /// <summary>The run's symbols, in config order (the one of a single-symbol run).</summary>
    public IReadOnlyList<SymbolView> Symbols => symbols;

    /// <summary>Cash of the run's one account, quote currency: what every symbol's next buy is paid from.</summary>
    public decimal Cash => runs[0].Cash;

    /// <summary>Cash plus every symbol's position marked at its latest close (<see cref="Broker.ContractTerms.Value"/>), quote currency.</summary>
    public decimal Equity
    {
        get
        {
            var value = Cash;
            foreach (var run in runs)
            {
                value = run.Mark(value);
            }

            return value;
        }
    }

    /// <summary>The view of <paramref name="symbol"/> (ordinal, case-insensitive); null when the run does not trade it.</summary>
    public SymbolView? Find(string symbol) => Array.Find(symbols, s => string.Equals(s.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
}
