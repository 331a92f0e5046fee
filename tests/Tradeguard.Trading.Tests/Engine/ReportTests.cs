using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Reports;

namespace Tradeguard.Trading.Tests.Engine;

public sealed class ReportTests
{
    private static RunResult Curve(params decimal[] equity) => new("TEST", "scripted", equity[0], equity[^1], 0, equity[^1], 1.5m,
        equity.Select((e, i) => new EquityPoint(new DateTime(2024, 1, 1).AddDays(i), e, i is > 0 and < 3 ? 1 : 0)).ToArray(),
        [new ClosedTrade("TEST", new DateTime(2024, 1, 2), new DateTime(2024, 1, 4), 1, 10, 12, 2, 0.5m, 2), new ClosedTrade("TEST", new DateTime(2024, 1, 4), new DateTime(2024, 1, 5), 1, 12, 11, -1, 0.5m, 1)],
        [], false);

    [Fact]
    public void Metrics_AreComputedFromTheEquityCurve()
    {
        var m = PerformanceMetrics.From(Curve(100, 110, 99, 121));

        // bar returns from the starting cash: 0, 0.1, -0.1, 0.2222…; sample standard deviation; × √252
        double[] r = [0, 0.1, -0.1, (121.0 / 99) - 1];
        var mean = r.Average();
        var sd = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / 3);
        Assert.Equal(0.21, m.TotalReturn, 12);
        Assert.Equal(mean / sd * Math.Sqrt(252), m.Sharpe, 12);
        Assert.Equal(0.1, m.MaxDrawdown, 12); // 110 → 99
        Assert.Equal(Math.Pow(1.21, 365.25 / 3) - 1, m.Cagr, 9);
        Assert.Equal((2, 0.5, 0.5, 1.5m), (m.TradeCount, m.WinRate, m.Exposure, m.Fees));
    }

    [Fact]
    public void TradesCsv_ListsEveryClosedTrade()
    {
        Assert.Equal(
            "symbol,entry_time,exit_time,quantity,entry_price,exit_price,gross_pnl,commission,net_pnl,bars_held\n" +
            "TEST,2024-01-02T00:00:00,2024-01-04T00:00:00,1,10,12,2,0.5,1.5,2\n" +
            "TEST,2024-01-04T00:00:00,2024-01-05T00:00:00,1,12,11,-1,0.5,-1.5,1\n",
            ReportFiles.TradesCsv(Curve(100, 110, 99, 121).Trades));
    }

    [Fact]
    public void ChartText_UsesTheBundledFont_SoItRendersWithoutInstalledFonts()
    {
        var png = EquityChart.Render(Curve(100, 110, 99, 121), Prices(4), 400, 200);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        var typeface = ScottPlot.Fonts.GetTypeface(BundledFont.Name, bold: false, italic: false);
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.Same(new BundledFont().CreateTypeface(BundledFont.Name, false, false), typeface);
    }

    [Fact]
    public void Chart_DrawsThePriceLine_EntryAndExitMarkers_AndIsoDates()
    {
        var plot = EquityChart.Build(Curve(100, 110, 99, 121), Prices(4));
        var png = plot.GetImageBytes(600, 300, ScottPlot.ImageFormat.Png);

        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        var colours = new HashSet<SkiaSharp.SKColor>();
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        Assert.Contains(SkiaSharp.SKColor.Parse("#7f7f7f"), colours); // price line
        Assert.Contains(SkiaSharp.SKColor.Parse("#2ca02c"), colours); // entry markers
        Assert.Contains(SkiaSharp.SKColor.Parse("#d62728"), colours); // exit markers
        Assert.Contains(SkiaSharp.SKColor.Parse("#1f77b4"), colours); // equity
        var labels = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToArray();
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.Matches("^\\d{4}-\\d{2}-\\d{2}$", l));
    }

    [Fact]
    public void Chart_ThinsTradeMarkersToOnePerPixelColumn_ForDrawingOnly()
    {
        var prices = Prices(5000);
        var trades = Enumerable.Range(0, 2000).Select(i => new ClosedTrade("TEST", prices[2 * i].Time, prices[(2 * i) + 1].Time, 1, 10, 11, 1, 0, 1)).ToArray();
        var run = Curve(100, 110, 99, 121) with { Trades = trades };

        var markers = EquityChart.Build(run, prices, columns: 100).GetPlottables<ScottPlot.Plottables.Markers>().ToArray();

        Assert.Equal(2, markers.Length);
        // 4,000 bars of trades over 5,000 bars in 100 columns: one entry and one exit in each of the 80 columns they span.
        Assert.All(markers, m => Assert.Equal(80, m.Data.GetScatterPoints().Count));
        Assert.Equal(2000, PerformanceMetrics.From(run).TradeCount);
    }

    [Fact]
    public void MetricsJson_IsByteForByteWhatTheReflectionBasedWriterWrote()
    {
        // The same run with and without bars: start and end are null without any.
        foreach (var run in new[] { Curve(100, 110, 99, 121), Curve(100) with { EquityCurve = [] } })
        {
            var metrics = PerformanceMetrics.From(run);
            Assert.Equal(ReflectionMetricsJson(run, metrics), ReportFiles.MetricsJson(run, metrics));
        }

        var json = ReportFiles.MetricsJson(Curve(100, 110, 99, 121), PerformanceMetrics.From(Curve(100, 110, 99, 121)));
        Assert.StartsWith("{\n  \"symbol\": \"TEST\",\n  \"strategy\": \"scripted\",\n  \"start\": \"2024-01-01T00:00:00\",\n", json);
        Assert.EndsWith("\n  \"finalPosition\": 0,\n  \"killSwitchEngaged\": false\n}\n", json);
    }

    [Fact]
    public void Chart_AfterTheWarmUp_IsTheSamePng()
    {
        var run = Curve(100, 110, 99, 121);
        var before = EquityChart.Render(run, Prices(4), 400, 200);

        EquityChart.WarmUp();

        Assert.Equal(before, EquityChart.Render(run, Prices(4), 400, 200));
    }

    // metrics.json as ReportFiles wrote it until 2026-12-07: an anonymous object through reflection-based System.Text.Json.
    private static string ReflectionMetricsJson(RunResult result, PerformanceMetrics metrics) =>
        JsonSerializer.Serialize(new
        {
            symbol = result.Symbol,
            strategy = result.StrategyName,
            start = result.EquityCurve.Count > 0 ? result.EquityCurve[0].Time : (DateTime?)null,
            end = result.EquityCurve.Count > 0 ? result.EquityCurve[^1].Time : (DateTime?)null,
            metrics.Bars,
            metrics.StartValue,
            metrics.FinalValue,
            metrics.TotalReturn,
            metrics.Cagr,
            metrics.Sharpe,
            metrics.Sortino,
            metrics.Calmar,
            metrics.PeriodsPerYear,
            metrics.MaxDrawdown,
            metrics.Drawdown,
            metrics.TradeCount,
            metrics.WinRate,
            metrics.Trades,
            metrics.Exposure,
            metrics.Fees,
            metrics.AnnualReturns,
            finalPosition = result.FinalPosition,
            killSwitchEngaged = result.KillSwitchEngaged,
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, TypeInfoResolver = new DefaultJsonTypeInfoResolver() }) + "\n";

    private static Tradeguard.Trading.Data.Bar[] Prices(int count) =>
        Enumerable.Range(0, count).Select(i => new Tradeguard.Trading.Data.Bar(new DateTime(2024, 1, 1).AddDays(i), 10 + i, 11 + i, 9 + i, 10 + i, 100)).ToArray();
}
