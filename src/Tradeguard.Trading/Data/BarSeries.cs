namespace Tradeguard.Trading.Data;

/// <summary>
/// The bars of one symbol in strictly increasing time order, as validated by <see cref="CsvBarLoader"/> or built in code.
/// </summary>
public sealed class BarSeries
{
    private readonly Bar[] bars;

    /// <summary>Creates a series; checks that times strictly increase.</summary>
    /// <param name="symbol">The instrument's ticker, e.g. <c>ORCL</c>.</param>
    /// <param name="bars">The bars, oldest first. The array is copied.</param>
    /// <exception cref="ArgumentException">The symbol is blank or the times do not strictly increase.</exception>
    public BarSeries(string symbol, IEnumerable<Bar> bars)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        Symbol = symbol;
        this.bars = bars.ToArray();
        for (var i = 1; i < this.bars.Length; i++)
        {
            if (this.bars[i].Time <= this.bars[i - 1].Time)
            {
                throw new ArgumentException($"bar {i} ({this.bars[i].Time:O}) is not after bar {i - 1}", nameof(bars));
            }
        }
    }

    /// <summary>The instrument's ticker.</summary>
    public string Symbol { get; }

    /// <summary>The bars, oldest first.</summary>
    public ReadOnlySpan<Bar> Span => bars;

    /// <summary>The bars, oldest first.</summary>
    public IReadOnlyList<Bar> Bars => bars;

    /// <summary>How many bars the series holds.</summary>
    public int Count => bars.Length;

    /// <summary>The bars whose time lies in [<paramref name="from"/>, <paramref name="to"/>] (both inclusive, either open).</summary>
    public BarSeries Between(DateTime? from, DateTime? to) =>
        new(Symbol, bars.Where(b => (from is null || b.Time >= from) && (to is null || b.Time <= to)));
}
