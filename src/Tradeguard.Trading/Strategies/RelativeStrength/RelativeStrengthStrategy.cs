using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Strategies.RelativeStrength;

/// <summary>
/// Holds a symbol only while it is the strongest of the run's symbols: strength is the close over the close
/// <c>lookback</c> bars earlier, and the strongest is the highest (the first in config order on a tie). With no order
/// working: buy when flat and this symbol is the strongest, sell the position when long and it is not. A cross-symbol
/// strategy for portfolio runs (<see cref="StrategyContext.Portfolio"/>): each symbol's instance reads the others'
/// latest closes at its own bars, so in a run of one symbol it buys once its history is long enough and holds.
/// </summary>
/// <remarks>
/// A symbol counts once <c>lookback</c> + 1 of its closes have been seen; until then no symbol is compared (so the
/// first trade waits for every symbol's history). The closes are sampled at this symbol's bars: where calendars
/// differ, a symbol's close is the latest it had at that time.
/// </remarks>
public sealed class RelativeStrengthStrategy : Strategy
{
    private readonly SignalOrders orders;

    // Per symbol of the view, in its order: the last lookback + 1 closes seen, how many bars it had then, its latest close.
    private Queue<decimal>[] closes = [];
    private int[] seen = [];
    private decimal[] latestClose = [];

    /// <summary>Creates the strategy.</summary>
    /// <param name="lookback">Bars between the two closes of the strength, at least 1.</param>
    /// <param name="orders">Entry and exit orders (long only); null for market orders.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lookback"/> is below 1.</exception>
    public RelativeStrengthStrategy(int lookback, SignalOrders? orders = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lookback, 1);
        Lookback = lookback;
        this.orders = orders ?? SignalOrders.LongAtMarket;
    }

    /// <summary>Bars between the two closes of the strength.</summary>
    public int Lookback { get; }

    /// <inheritdoc />
    public override string Name => $"relative-strength(lookback={Lookback}{orders.NameSuffix()})";

    /// <inheritdoc />
    public override void OnBar(StrategyContext context, in Bar bar)
    {
        var symbols = context.Portfolio.Symbols;
        if (closes.Length != symbols.Count)
        {
            closes = symbols.Select(_ => new Queue<decimal>(Lookback + 1)).ToArray();
            seen = new int[symbols.Count];
            latestClose = new decimal[symbols.Count];
        }

        var strongest = -1;
        var best = 0m;
        for (var i = 0; i < symbols.Count; i++)
        {
            if (Strength(i, symbols[i]) is not { } strength)
            {
                strongest = -2; // a symbol without its history yet: compare none on this bar
            }
            else if (strongest == -1 || (strongest >= 0 && strength > best))
            {
                (strongest, best) = (i, strength);
            }
        }

        if (strongest < 0 || context.HasWorkingOrders)
        {
            return;
        }

        var mine = string.Equals(symbols[strongest].Symbol, context.Symbol, StringComparison.Ordinal);
        orders.Act(context, bar, mine ? 1 : -1);
    }

    // Records the symbol's latest close if it is new; its close over the close lookback bars earlier, null until known.
    private decimal? Strength(int i, SymbolView symbol)
    {
        var history = closes[i];
        if (symbol.LastBar is { } last && symbol.BarsSeen != seen[i])
        {
            seen[i] = symbol.BarsSeen;
            if (history.Count == Lookback + 1)
            {
                history.Dequeue();
            }

            history.Enqueue(last.Close);
            latestClose[i] = last.Close;
        }

        return history.Count == Lookback + 1 && history.Peek() > 0 ? latestClose[i] / history.Peek() : null;
    }
}
