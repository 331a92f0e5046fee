using System.Text.Json;
using System.Text.RegularExpressions;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Reports.Html;
using Tradeguard.Trading.Runs;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>report.html as text: self-contained, escaped, and carrying the run's data.</summary>
public sealed class HtmlReportTests
{
    /// <summary>samples/sma-cross-orcl.json: backtrader's quickstart (price vs SMA(15), ORCL 2000, 252 bars, 21 trades).</summary>
    internal static (RunReport Report, IReadOnlyList<Bar> Bars) Quickstart(Func<RunPlan, RunPlan>? change = null)
    {
        var plan = RunConfigLoader.Load(Tradeguard.TestSupport.RepoPaths.Samples("sma-cross-orcl.json"));
        plan = change?.Invoke(plan) ?? plan;
        var bars = plan.LoadBars();
        return (Backtest.Run(plan, bars), bars.Bars);
    }

    internal static string Page(RunReport report, IReadOnlyList<Bar> bars, string runName = "sma-cross-orcl")
    {
        using var stream = new MemoryStream();
        HtmlReport.Write(stream, runName, report, bars);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonElement ChartData(string page)
    {
        var match = Regex.Match(page, "<script type=\"application/json\" id=\"chart-data\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(match.Success);
        return JsonDocument.Parse(match.Groups[1].Value).RootElement;
    }

    private static float[] Floats(JsonElement array) =>
        array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? float.NaN : v.GetSingle()).ToArray();

    [Fact]
    public void Page_NamesNoUrl_AndItsPolicyForbidsEveryFetch()
    {
        var (report, bars) = Quickstart();
        var page = Page(report, bars);

        Assert.DoesNotContain("http://", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex("\\b(src|href|action)\\s*=", RegexOptions.IgnoreCase), page); // no element loads or links anything
        Assert.DoesNotMatch(new Regex("url\\s*\\(|@import", RegexOptions.IgnoreCase), page);
        Assert.Matches("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]{44}'; script-src 'sha256-[A-Za-z0-9+/=]{44}'\">", page);
        Assert.Equal(2, Regex.Matches(page, "<script").Count); // the data and the drawing code
    }

    [Fact]
    public void PolicyHashes_AreThoseOfTheInlineStyleAndScript()
    {
        var (report, bars) = Quickstart();
        var page = Page(report, bars);

        string Hash(string text) => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        var style = Regex.Match(page, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var script = Regex.Match(page, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"style-src 'sha256-{Hash(style)}'", page);
        Assert.Contains($"script-src 'sha256-{Hash(script)}'", page);
    }

    [Fact]
    public void RunNameSymbolAndStrategy_AreEscaped()
    {
        var (report, bars) = Quickstart();
        report = report with { Result = report.Result with { Symbol = "<img onerror=x>", StrategyName = "a&b \"quoted\"" } };

        var page = Page(report, bars, "<script>alert(1)</script>");

        Assert.Contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>", page);
        Assert.Contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; · &lt;img onerror=x&gt;</title>", page);
        Assert.Contains("&lt;img onerror=x&gt; · a&amp;b &quot;quoted&quot; · ", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img", page);
        Assert.Equal(2, Regex.Matches(page, "<script").Count);
        Assert.Contains("\"symbol\":\"\\u003Cimg onerror=x\\u003E\"", page); // JSON cannot close the script element
        Assert.Equal("<img onerror=x>", ChartData(page).GetProperty("symbol").GetString());
    }

    [Fact]
    public void ShortRun_DrawsEveryBar_TheSmaOverlay_AndEachFillAtItsPrice()
    {
        var (report, bars) = Quickstart();
        var data = ChartData(Page(report, bars));

        Assert.Equal(252, data.GetProperty("starts").GetArrayLength()); // one column per bar
        Assert.Equal("2000-01-03", data.GetProperty("dates")[0].GetString());
        var candles = Floats(data.GetProperty("candles"));
        Assert.Equal([(float)bars[0].Open, (float)bars[0].High, (float)bars[0].Low, (float)bars[0].Close], candles[..4]);

        var overlay = Assert.Single(data.GetProperty("overlays").EnumerateArray());
        Assert.Equal("SMA(15)", overlay.GetProperty("name").GetString());
        var sma = Floats(overlay.GetProperty("line"));
        Assert.True(float.IsNaN(sma[4 * 13])); // warming up for 14 bars
        var mean = bars.Take(15).Average(b => (double)b.Close); // the SMA by its definition
        Assert.Equal(mean, sma[4 * 14], 4);

        var fills = report.Result.Orders.Where(o => o.Status == OrderStatus.Filled).ToArray();
        var buys = Floats(data.GetProperty("buys"));
        var firstBuy = fills.First(o => o.Side == OrderSide.Buy);
        Assert.Equal(new DateTime(2000, 1, 26), firstBuy.FilledAt); // "2000-01-26 [paper] Buy order executed" (RunCommandTests)
        Assert.Equal([bars.ToList().FindIndex(b => b.Time == firstBuy.FilledAt), (float)firstBuy.FillPrice!.Value], buys[..2]);
        Assert.Equal(2 * fills.Count(o => o.Side == OrderSide.Buy), buys.Length);
        Assert.Equal(2 * fills.Count(o => o.Side == OrderSide.Sell), data.GetProperty("sells").GetArrayLength());
    }

    [Fact]
    public void EquityAndDrawdown_AreTheCurvesOfTheRun()
    {
        var (report, bars) = Quickstart();
        var data = ChartData(Page(report, bars));

        var equity = Floats(data.GetProperty("equity"));
        var drawdown = Floats(data.GetProperty("drawdown"));
        Assert.Equal(4 * 252, equity.Length);
        Assert.Equal(975.60f, equity[^1], 2); // the quickstart's published final value
        // The deepest drawdown drawn is the max drawdown of the metrics table.
        Assert.Equal(report.Metrics.MaxDrawdown, drawdown.Where(float.IsFinite).Max(), 6);
    }

    [Fact]
    public void LongRun_ChartsAreReducedToMaxColumns_TablesKeepEveryTrade()
    {
        // The whole ORCL 1995-2014 file: 5,036 bars.
        var (report, bars) = Quickstart(p => p with { Data = p.Data with { From = null, To = null } });
        var page = Page(report, bars);
        var data = ChartData(page);

        Assert.Equal(5036, bars.Count);
        var starts = data.GetProperty("starts").EnumerateArray().Select(s => s.GetInt32()).ToArray();
        Assert.Equal(HtmlReport.MaxColumns, starts.Length);
        Assert.Equal([0, 3, 6], starts[..3]); // 5036 / 1600 = 3.15 bars a column
        var candles = Floats(data.GetProperty("candles"));
        var first = bars.Take(3).ToArray();
        Assert.Equal([(float)first[0].Open, (float)first.Max(b => b.High), (float)first.Min(b => b.Low), (float)first[2].Close], candles[..4]);
        Assert.True(data.GetProperty("buys").GetArrayLength() <= 2 * HtmlReport.MaxColumns);

        Assert.Equal(report.Metrics.TradeCount, Regex.Matches(page, "<tr><td>\\d+</td><td>\\d{4}-\\d{2}-\\d{2}</td>").Count);
        Assert.Contains($"<h2>Closed trades ({report.Metrics.TradeCount:N0})</h2>", page);
    }

    [Fact]
    public void MetricsTable_ShowsTheRunsFigures()
    {
        var (report, bars) = Quickstart();
        var page = Page(report, bars);

        Assert.Contains("<tr><th>Final value</th><td>975.60</td></tr>", page); // backtrader quickstart's published result
        Assert.Contains("<tr><th>Total return</th><td>-2.44 %</td></tr>", page); // 975.60 / 1000 − 1
        Assert.Contains("<tr><th>Closed trades</th><td>21</td></tr>", page);
    }
}
