using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Reports.Html;

/// <summary>
/// Splits a run's bars into at most <c>maxColumns</c> runs of consecutive bars, one per drawn column, and reduces each
/// series to what a column can show. A line keeps its first, lowest, highest and last value per column (the M4
/// aggregation of Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014), which draws
/// the same pixels as every point; bars merge into one candle per column (first open, highest high, lowest low, last
/// close). This is for drawing only: tables and metrics use every bar.
/// </summary>
internal sealed class ChartColumns
{
    private readonly int count;

    /// <summary>Columns over <paramref name="count"/> bars: one per bar up to <paramref name="maxColumns"/>.</summary>
    public ChartColumns(int count, int maxColumns)
    {
        this.count = count;
        var columns = Math.Min(count, maxColumns);
        Starts = new int[columns];
        for (var k = 0; k < columns; k++)
        {
            Starts[k] = (int)((long)k * count / columns);
        }
    }

    /// <summary>The index of the first bar of each column; column k ends where column k + 1 starts.</summary>
    public int[] Starts { get; }

    /// <summary>The column that bar <paramref name="index"/> falls in.</summary>
    public int ColumnOf(int index) => (int)((((long)index + 1) * Starts.Length - 1) / count);

    /// <summary>One candle per column: open, high, low, close, four values a column.</summary>
    public float[] Candles(IReadOnlyList<Bar> bars)
    {
        var ohlc = new float[Starts.Length * 4];
        for (var k = 0; k < Starts.Length; k++)
        {
            var (high, low) = (decimal.MinValue, decimal.MaxValue);
            var end = End(k);
            for (var i = Starts[k]; i < end; i++)
            {
                high = Math.Max(high, bars[i].High);
                low = Math.Min(low, bars[i].Low);
            }

            (ohlc[4 * k], ohlc[(4 * k) + 1], ohlc[(4 * k) + 2], ohlc[(4 * k) + 3]) =
                ((float)bars[Starts[k]].Open, (float)high, (float)low, (float)bars[end - 1].Close);
        }

        return ohlc;
    }

    /// <summary>
    /// A line's first, lowest, highest and last value in each column, four values a column; NaN values (an indicator
    /// warming up) are skipped, and a column with none but NaN gets four NaNs.
    /// </summary>
    public float[] Line(IReadOnlyList<double> values)
    {
        var m4 = new float[Starts.Length * 4];
        for (var k = 0; k < Starts.Length; k++)
        {
            var (first, low, high, last) = (double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.NaN);
            for (var i = Starts[k]; i < End(k); i++)
            {
                var v = values[i];
                if (double.IsNaN(v))
                {
                    continue;
                }

                first = double.IsNaN(first) ? v : first;
                (low, high, last) = (Math.Min(low, v), Math.Max(high, v), v);
            }

            (m4[4 * k], m4[(4 * k) + 1], m4[(4 * k) + 2], m4[(4 * k) + 3]) = double.IsNaN(first)
                ? (float.NaN, float.NaN, float.NaN, float.NaN)
                : ((float)first, (float)low, (float)high, (float)last);
        }

        return m4;
    }

    private int End(int column) => column + 1 < Starts.Length ? Starts[column + 1] : count;
}
