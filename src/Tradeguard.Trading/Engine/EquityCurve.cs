using System.Collections;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Collections;
using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Engine;

/// <summary>
/// The portfolio at each bar's close, kept as the bars plus the holdings (cash and position), which change only on
/// bars with a fill. A point is valued when read, with the same decimal arithmetic as <see cref="Portfolio.Equity"/>
/// (<see cref="ContractTerms.Value"/>),
/// so the run does no per-bar valuation and stores no per-bar point (a million-bar run would otherwise write 40 MB).
/// </summary>
internal sealed class EquityCurve : IReadOnlyList<EquityPoint>
{
    private readonly BarSeries series;
    private readonly ContractTerms terms;
    private readonly AppendOnlyList<Holding> holdings = [];

    /// <summary>Starts a curve whose holdings from the first bar are <paramref name="cash"/> and no position, valued under <paramref name="terms"/>.</summary>
    public EquityCurve(BarSeries series, decimal cash, ContractTerms? terms = null)
    {
        this.series = series;
        this.terms = terms ?? ContractTerms.Stock;
        holdings.Add(new Holding(0, cash, 0, 0));
    }

    /// <summary>Bars closed so far.</summary>
    public int Count { get; private set; }

    /// <inheritdoc />
    public EquityPoint this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Point(index, HoldingAt(index));
        }
    }

    /// <summary>The time of point <paramref name="index"/> without valuing it (the bar's time).</summary>
    public DateTime TimeAt(int index) => series.Bars[index].Time;

    /// <summary>
    /// Records that from bar <paramref name="bar"/> on the portfolio holds <paramref name="cash"/> and <paramref name="position"/>,
    /// settled at <paramref name="settlement"/> (futures-like terms; 0 otherwise).
    /// </summary>
    public void Hold(int bar, decimal cash, decimal position, decimal settlement = 0)
    {
        var holding = new Holding(bar, cash, position, settlement);
        if (holdings.Last.FromBar == bar)
        {
            holdings.Last = holding;
        }
        else
        {
            holdings.Add(holding);
        }
    }

    /// <summary>Marks bar <paramref name="bar"/> as closed: the curve now covers bars 0 to <paramref name="bar"/>.</summary>
    public void Close(int bar) => Count = bar + 1;

    /// <summary>Walks the points in bar order without allocating (readers that know the type avoid interface calls per bar).</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <inheritdoc />
    IEnumerator<EquityPoint> IEnumerable<EquityPoint>.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private EquityPoint Point(int index, Holding holding)
    {
        ref readonly var bar = ref series.Span[index];
        return new EquityPoint(bar.Time, terms.Value(holding.Cash, holding.Position, holding.Settlement, bar.Close), holding.Position);
    }

    private Holding HoldingAt(int index)
    {
        // The last holding that starts at or before the bar: holdings are in bar order.
        int low = 0, high = holdings.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (holdings[middle].FromBar <= index)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return holdings[low];
    }

    private readonly record struct Holding(int FromBar, decimal Cash, decimal Position, decimal Settlement);

    /// <summary>The points in bar order, each valued from the holding in force on its bar.</summary>
    public struct Enumerator : IEnumerator<EquityPoint>
    {
        private readonly EquityCurve curve;
        private int index;
        private int nextHolding;
        private Holding holding;

        internal Enumerator(EquityCurve curve)
        {
            this.curve = curve;
            index = -1;
            nextHolding = 1;
            holding = curve.holdings[0];
        }

        /// <inheritdoc />
        public EquityPoint Current { get; private set; }

        /// <inheritdoc />
        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext()
        {
            if (++index >= curve.Count)
            {
                return false;
            }

            while (nextHolding < curve.holdings.Count && curve.holdings[nextHolding].FromBar <= index)
            {
                holding = curve.holdings[nextHolding++];
            }

            Current = curve.Point(index, holding);
            return true;
        }

        /// <inheritdoc />
        public readonly void Reset() => throw new NotSupportedException();

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
