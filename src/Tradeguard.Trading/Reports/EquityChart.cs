using System.Globalization;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Reports;

/// <summary>
/// Draws a run as a PNG (ScottPlot, labelled in the bundled DejaVu Sans): the equity curve on the left axis, the
/// traded close price on the right axis, a green triangle at each trade's entry and a red one at its exit (at the
/// trade's average prices), and ISO 8601 dates (yyyy-MM-dd) on the time axis.
/// </summary>
/// <remarks>
/// Both lines are ScottPlot signal plots, which draw at most a low/high pair per pixel column, and the trade markers are
/// thinned to one entry and one exit per pixel column (the first of each): a 100,000-bar run with 7,000 trades draws
/// about as fast as a 252-bar one. That thinning is for drawing only; the curve itself and every metric use every
/// point and every trade.
/// </remarks>
public static class EquityChart
{
    private static readonly ScottPlot.Color EquityColor = ScottPlot.Color.FromHex("#1f77b4");
    private static readonly ScottPlot.Color PriceColor = ScottPlot.Color.FromHex("#7f7f7f");
    private static readonly ScottPlot.Color EntryColor = ScottPlot.Color.FromHex("#2ca02c");
    private static readonly ScottPlot.Color ExitColor = ScottPlot.Color.FromHex("#d62728");

    private static readonly object Gate = new();
    private static Task? warmUp;

    /// <summary>
    /// Starts loading the drawing library (ScottPlot, SkiaSharp's native code, the system and bundled fonts) and
    /// drawing a throw-away chart on a thread-pool thread, once per process, so that <see cref="Render"/> starts warm.
    /// In a fresh process that start-up is most of a chart's time (~230 ms against ~50 ms warm); a command that will
    /// draw calls this first, so it overlaps reading the config and the data and running the bars.
    /// </summary>
    public static void WarmUp()
    {
        lock (Gate)
        {
            // Small: the code paths are a full chart's, the pixels to fill and compress a fiftieth of them.
            warmUp ??= Task.Run(() => Draw(Sample.Result, Sample.Bars, after: null, width: 200, height: 100));
        }
    }

    /// <summary>Renders the chart, after <see cref="WarmUp"/>'s chart if one was started; returns the PNG bytes.</summary>
    /// <param name="result">The run.</param>
    /// <param name="prices">The bars the run traded, in time order (their close prices are drawn).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static byte[] Render(RunResult result, IReadOnlyList<Bar> prices, int width = 1000, int height = 500)
    {
        Task? started;
        lock (Gate)
        {
            started = warmUp;
        }

        return Draw(result, prices, started, width, height);
    }

    private static byte[] Draw(RunResult result, IReadOnlyList<Bar> prices, Task? after, int width = 1000, int height = 500)
    {
        // After the warm-up, not beside it: both would load the same library and fonts at once. A failed warm-up is
        // not this chart's failure; drawing it again reports the same problem.
        try
        {
            after?.Wait();
        }
        catch (AggregateException)
        {
        }

        return Build(result, prices, width).GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
    }

    /// <summary>The plot, not yet rendered (tests read its axes after rendering).</summary>
    internal static ScottPlot.Plot Build(RunResult result, IReadOnlyList<Bar> prices, int columns = 1000)
    {
        BundledFont.Register();
        var plot = new ScottPlot.Plot();
        if (prices.Count > 0)
        {
            var price = plot.Add.SignalXY(Times(prices.Count, i => prices[i].Time), Values(prices.Count, i => prices[i].Close), PriceColor);
            price.LegendText = $"{result.Symbol} close";
            price.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "Price (quote currency)";
            AddTradeMarkers(plot, result.Trades, prices[0].Time, prices[^1].Time, columns);
        }

        if (result.EquityCurve.Count > 0)
        {
            // One pass with the curve's enumerator: its indexer looks up the holding of each point.
            var (times, values) = (new double[result.EquityCurve.Count], new double[result.EquityCurve.Count]);
            var i = 0;
            foreach (var point in result.EquityCurve)
            {
                (times[i], values[i]) = (point.Time.ToOADate(), (double)point.Equity);
                i++;
            }

            var equity = plot.Add.SignalXY(times, values, EquityColor);
            equity.LegendText = "equity";
            equity.LineWidth = 1.5f;
        }

        // ScottPlot's default labels follow the current culture (04/01/2000 is ambiguous): ISO 8601 days instead.
        plot.Axes.DateTimeTicksBottom().TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic
        {
            LabelFormatter = date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        plot.Title($"{result.Symbol} · {result.StrategyName}");
        plot.YLabel("Equity (quote currency)");
        plot.XLabel("Date");
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.Font.Set(BundledFont.Name);
        return plot;
    }

    /// <summary>A two-bar run with one trade: the warm-up draws what a run's chart draws.</summary>
    private static class Sample
    {
        private static readonly DateTime Day = new(2000, 1, 3, 0, 0, 0, DateTimeKind.Unspecified);

        public static readonly Bar[] Bars = [new(Day, 1, 1, 1, 1, 0), new(Day.AddDays(1), 2, 2, 2, 2, 0)];

        public static readonly RunResult Result = new("WARM", "warm-up", 1, 1, 0, 2, 0,
            [new EquityPoint(Day, 1, 1), new EquityPoint(Day.AddDays(1), 2, 0)],
            [new ClosedTrade("WARM", Day, Day.AddDays(1), 1, 1, 2, 1, 0, 1)], [], false);
    }

    private static void AddTradeMarkers(ScottPlot.Plot plot, IReadOnlyList<ClosedTrade> trades, DateTime from, DateTime to, int columns)
    {
        if (trades.Count == 0)
        {
            return;
        }

        var entries = OnePerColumn(trades, t => t.EntryTime, from, to, columns);
        var exits = OnePerColumn(trades, t => t.ExitTime, from, to, columns);
        var entryMarkers = plot.Add.Markers(Times(entries.Count, i => entries[i].EntryTime), Values(entries.Count, i => entries[i].EntryPrice),
            ScottPlot.MarkerShape.FilledTriangleUp, 7, EntryColor);
        entryMarkers.LegendText = "entry";
        entryMarkers.Axes.YAxis = plot.Axes.Right;
        var exitMarkers = plot.Add.Markers(Times(exits.Count, i => exits[i].ExitTime), Values(exits.Count, i => exits[i].ExitPrice),
            ScottPlot.MarkerShape.FilledTriangleDown, 7, ExitColor);
        exitMarkers.LegendText = "exit";
        exitMarkers.Axes.YAxis = plot.Axes.Right;
    }

    // The first trade of each pixel column (trades are in time order): more would be drawn over one another.
    private static List<ClosedTrade> OnePerColumn(IReadOnlyList<ClosedTrade> trades, Func<ClosedTrade, DateTime> time, DateTime from, DateTime to, int columns)
    {
        var span = Math.Max(1, (to - from).Ticks);
        var kept = new List<ClosedTrade>(Math.Min(trades.Count, columns));
        var lastColumn = long.MinValue;
        foreach (var trade in trades)
        {
            var column = (time(trade) - from).Ticks * columns / span;
            if (column != lastColumn)
            {
                kept.Add(trade);
                lastColumn = column;
            }
        }

        return kept;
    }

    private static double[] Times(int count, Func<int, DateTime> time)
    {
        var xs = new double[count];
        for (var i = 0; i < count; i++)
        {
            xs[i] = time(i).ToOADate();
        }

        return xs;
    }

    private static double[] Values(int count, Func<int, decimal> value)
    {
        var ys = new double[count];
        for (var i = 0; i < count; i++)
        {
            ys[i] = (double)value(i);
        }

        return ys;
    }
}
