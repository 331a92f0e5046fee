namespace Tradeguard.Trading.Data;

/// <summary>
/// The bars of one symbol in strictly increasing time order, as validated by <see cref="CsvBarLoader"/> or built in code.
/// </summary>
public sealed class BarSeries
{
    private readonly ArraySegment<Bar> bars;

    /// <summary>Creates a series; checks that times strictly increase.</summary>
    /// <param name="symbol">The instrument's ticker, e.g. <c>ORCL</c>.</param>
    /// <param name="bars">The bars, oldest first. The array is copied.</param>
    /// <exception cref="ArgumentException">The symbol is blank or the times do not strictly increase.</exception>
    public BarSeries(string symbol, IEnumerable<Bar> bars)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        Symbol = symbol;
        this.bars = bars.ToArray();
        var span = Span;
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i].Time <= span[i - 1].Time)
            {
                throw new ArgumentException($"bar {i} ({span[i].Time:O}) is not after bar {i - 1}", nameof(bars));
            }
        }

        Bars = this.bars;
    }

    /// <summary>Takes the first <paramref name="count"/> bars of <paramref name="buffer"/> without copying; the caller has checked the order and gives the buffer up.</summary>
    private BarSeries(string symbol, Bar[] buffer, int count)
    {
        Symbol = symbol;
        bars = new ArraySegment<Bar>(buffer, 0, count);
        Bars = bars;
    }

    /// <summary>The instrument's ticker.</summary>
    public string Symbol { get; }

    /// <summary>The bars, oldest first.</summary>
    public ReadOnlySpan<Bar> Span => bars.AsSpan();

    /// <summary>The bars, oldest first.</summary>
    public IReadOnlyList<Bar> Bars { get; }

    /// <summary>How many bars the series holds.</summary>
    public int Count => bars.Count;

    /// <summary>A series over bars already checked to strictly increase, kept in <paramref name="buffer"/> (not copied).</summary>
    internal static BarSeries Adopt(string symbol, Bar[] buffer, int count) => new(symbol, buffer, count);
}
