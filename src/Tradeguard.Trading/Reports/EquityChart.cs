using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Reports;

/// <summary>Draws the equity curve of a run as a PNG (ScottPlot), labelled in the bundled DejaVu Sans.</summary>
public static class EquityChart
{
    /// <summary>Renders the chart; returns the PNG bytes.</summary>
    /// <param name="result">The run.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static byte[] Render(RunResult result, int width = 1000, int height = 500)
    {
        BundledFont.Register();
        var plot = new ScottPlot.Plot();
        var times = result.EquityCurve.Select(p => p.Time.ToOADate()).ToArray();
        var equity = result.EquityCurve.Select(p => (double)p.Equity).ToArray();
        if (times.Length > 0)
        {
            var line = plot.Add.ScatterLine(times, equity);
            line.LegendText = "equity";
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title($"{result.Symbol} · {result.StrategyName}");
        plot.YLabel("Equity (quote currency)");
        plot.XLabel("Date");
        plot.Font.Set(BundledFont.Name);
        return plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
    }
}
