using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Runs;

namespace Tradeguard.Trading.Reports.Html;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page that needs no network (inline CSS and script, the data as inline
/// JSON, a Content-Security-Policy of <c>default-src 'none'</c> that lets only those two run). It shows the price as
/// candles with the strategy's <see cref="Strategies.PriceOverlay"/> lines and a marker at each fill (time and price),
/// equity and drawdown panels on the same time axis (dates as yyyy-MM-dd), the metrics table and every closed trade.
/// </summary>
/// <remarks>
/// The charts draw at most <see cref="MaxColumns"/> columns (<see cref="ChartColumns"/>: a candle per column, lines
/// reduced to their first, low, high and last value, the first buy and first sell fill of each column), so a
/// 100,000-bar run's page stays small; the tables are never reduced. Every text from the config or the data (run
/// name, symbol, strategy name) is HTML-escaped, and the JSON escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>.
/// </remarks>
public static class HtmlReport
{
    /// <summary>Most columns the charts draw: about one per pixel on a wide screen.</summary>
    public const int MaxColumns = 1600;

    private static readonly string[] OverlayColours = ["#ff7f0e", "#9467bd", "#8c564b", "#e377c2"];
    private static readonly Lazy<(string Css, string Script, string Policy)> Assets = new(LoadAssets);

    /// <summary>Writes the page for <paramref name="report"/> into <paramref name="stream"/> as UTF-8.</summary>
    /// <param name="stream">Where the page goes (left open).</param>
    /// <param name="runName">The run's name (the page's title).</param>
    /// <param name="report">The run, its metrics and its overlays.</param>
    /// <param name="prices">The bars the run traded, in time order.</param>
    public static void Write(Stream stream, string runName, RunReport report, IReadOnlyList<Bar> prices)
    {
        var (css, script, policy) = Assets.Value;
        var result = report.Result;
        using var html = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var period = prices.Count > 0 ? $"{BarTime.Text(prices[0].Time)} … {BarTime.Text(prices[^1].Time)} · " : string.Empty;
        html.Write($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="{policy}">
            <title>{Escape(runName)} · {Escape(result.Symbol)}</title>
            <style>{css}</style>
            </head>
            <body>
            <header><h1>{Escape(runName)}</h1><p>{Escape(result.Symbol)} · {Escape(result.StrategyName)} · {period}{prices.Count} bars</p></header>
            <section id="charts"><canvas id="price"></canvas><canvas id="equity"></canvas><canvas id="drawdown"></canvas></section>
            <pre id="errors" hidden></pre>

            """);
        WriteMetrics(html, report);
        WriteTrades(html, report);
        html.Write("<script type=\"application/json\" id=\"chart-data\">");
        html.Flush();
        WriteChartData(stream, report, prices);
        html.Write($"</script>\n<script>{script}</script>\n</body>\n</html>\n");
    }

    private static void WriteMetrics(StreamWriter html, RunReport report)
    {
        var (m, r) = (report.Metrics, report.Result);
        html.Write("<section><h2>Metrics</h2><table class=\"metrics\"><tbody>\n");
        (string Label, string Value)[] rows =
        [
            ("Bars", Number(m.Bars)),
            ("Start value", Money(m.StartValue)),
            ("Final value", Money(m.FinalValue)),
            ("Total return", Percent(m.TotalReturn)),
            ("CAGR", Percent(m.Cagr)),
            ("Sharpe (annualised)", m.Sharpe.ToString("0.000", CultureInfo.InvariantCulture)),
            ("Sortino (annualised)", Ratio(m.Sortino)),
            ("Calmar (CAGR / max drawdown)", Ratio(m.Calmar)),
            ("Max drawdown", $"{Percent(m.MaxDrawdown)} · {Money(m.Drawdown.MaxMoney)}"),
            ("Longest drawdown", $"{Number(m.Drawdown.MaxLength)} bars"),
            ("Average drawdown", Percent(m.Drawdown.Average)),
            ("Closed trades", Number(m.TradeCount)),
            ("Win rate", Percent(m.WinRate)),
            ("Profit factor", Ratio(m.Trades.ProfitFactor)),
            ("Expectancy per trade", m.Trades.Expectancy is { } expectancy ? Money(expectancy) : "-"),
            ("SQN", Ratio(m.Trades.Sqn)),
            ("Exposure", Percent(m.Exposure)),
            ("Fees", Money(m.Fees)),
            ("Final position", r.FinalPosition.ToString(CultureInfo.InvariantCulture)),
            ("Kill switch engaged", r.KillSwitchEngaged ? "yes" : "no"),
        ];
        foreach (var (label, value) in rows)
        {
            html.Write($"<tr><th>{label}</th><td>{value}</td></tr>\n");
        }

        html.Write("</tbody></table></section>\n");
    }

    private static void WriteTrades(StreamWriter html, RunReport report)
    {
        var trades = report.Result.Trades;
        html.Write($"""
            <section><h2>Closed trades ({Number(trades.Count)})</h2><div class="scroll"><table class="trades">
            <thead><tr><th>#</th><th>entry</th><th>exit</th><th>quantity</th><th>entry price</th><th>exit price</th><th>gross P&amp;L</th><th>commission</th><th>net P&amp;L</th><th>bars held</th></tr></thead>
            <tbody>

            """);
        // One row formatted into a reused buffer: thousands of trades allocate no string per row.
        Span<char> row = stackalloc char[512];
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i];
            var net = t.NetPnl;
            var css = net > 0 ? "gain" : net < 0 ? "loss" : "flat";
            if (row.TryWrite(CultureInfo.InvariantCulture,
                $"<tr><td>{i + 1}</td><td>{BarTime.Text(t.EntryTime)}</td><td>{BarTime.Text(t.ExitTime)}</td><td>{t.Quantity}</td><td>{t.EntryPrice}</td><td>{t.ExitPrice}</td><td>{t.GrossPnl}</td><td>{t.Commission}</td><td class=\"{css}\">{net}</td><td>{t.BarsHeld}</td></tr>\n",
                out var written))
            {
                html.Write(row[..written]);
            }
            else
            {
                throw new InvalidOperationException($"trade {i + 1} does not fit a table row");
            }
        }

        html.Write("</tbody></table></div></section>\n");
    }

    private static void WriteChartData(Stream stream, RunReport report, IReadOnlyList<Bar> prices)
    {
        var result = report.Result;
        var columns = new ChartColumns(prices.Count, MaxColumns);
        var times = new DateTime[prices.Count];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = prices[i].Time;
        }

        // The default encoder escapes <, > and & (and all non-ASCII), so no text can close the script element.
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("symbol", result.Symbol);
        json.WriteNumber("bars", prices.Count);
        json.WriteStartArray("starts");
        foreach (var start in columns.Starts)
        {
            json.WriteNumberValue(start);
        }

        json.WriteEndArray();
        json.WriteStartArray("dates");
        foreach (var start in columns.Starts)
        {
            json.WriteStringValue(BarTime.Text(times[start]));
        }

        json.WriteEndArray();
        Numbers(json, "candles", columns.Candles(prices));
        json.WriteStartArray("overlays");
        for (var i = 0; i < report.Overlays.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("name", report.Overlays[i].Name);
            json.WriteString("colour", OverlayColours[i % OverlayColours.Length]);
            Numbers(json, "line", columns.Line(report.Overlays[i].Compute(prices)));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var (equity, drawdown) = EquityAndDrawdown(result, times);
        Numbers(json, "equity", columns.Line(equity));
        Numbers(json, "drawdown", columns.Line(drawdown));
        Fills(json, "buys", result.Orders, OrderSide.Buy, times, columns);
        Fills(json, "sells", result.Orders, OrderSide.Sell, times, columns);
        json.WriteEndObject();
    }

    // Equity and its fall from the running peak (a fraction; the peak starts at the starting cash, as
    // PerformanceMetrics.MaxDrawdown's does) at each bar; NaN at a bar the curve has no point for.
    private static (double[] Equity, double[] Drawdown) EquityAndDrawdown(Engine.RunResult result, DateTime[] times)
    {
        var (equity, drawdown) = (new double[times.Length], new double[times.Length]);
        Array.Fill(equity, double.NaN);
        Array.Fill(drawdown, double.NaN);
        var peak = (double)result.InitialCash;
        var sameBars = result.EquityCurve.Count == times.Length;
        var j = 0;
        foreach (var point in result.EquityCurve)
        {
            var bar = sameBars ? j : Array.BinarySearch(times, point.Time);
            j++;
            if (bar >= 0)
            {
                var value = (double)point.Equity;
                peak = Math.Max(peak, value);
                (equity[bar], drawdown[bar]) = (value, peak > 0 ? (peak - value) / peak : 0);
            }
        }

        return (equity, drawdown);
    }

    // Each filled order of one side as (column, fill price) pairs, the first fill of each column only.
    private static void Fills(Utf8JsonWriter json, string name, IReadOnlyList<Order> orders, OrderSide side, DateTime[] times, ChartColumns columns)
    {
        json.WriteStartArray(name);
        var lastColumn = -1;
        foreach (var order in orders)
        {
            if (order.Side != side || order.FilledAt is not { } at || order.FillPrice is not { } fillPrice)
            {
                continue;
            }

            var bar = Array.BinarySearch(times, at);
            var column = bar >= 0 ? columns.ColumnOf(bar) : -1;
            if (column >= 0 && column != lastColumn)
            {
                json.WriteNumberValue(column);
                json.WriteNumberValue((float)fillPrice);
                lastColumn = column;
            }
        }

        json.WriteEndArray();
    }

    // Single precision is finer than a pixel and keeps the numbers short; NaN (nothing to draw) becomes null.
    private static void Numbers(Utf8JsonWriter json, string name, float[] values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            if (float.IsNaN(v))
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteNumberValue(v);
            }
        }

        json.WriteEndArray();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => fraction.ToString("0.00 %", CultureInfo.InvariantCulture);

    // The analyzers give null where a ratio is undefined (no losing trade, no downside, equal P&Ls).
    private static string Ratio(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";


    private static (string Css, string Script, string Policy) LoadAssets()
    {
        var (css, script) = (Resource("report.css"), Resource("report.js"));
        // Only these two inline blocks may run or style the page; nothing may be fetched.
        var policy = $"default-src 'none'; style-src '{Hash(css)}'; script-src '{Hash(script)}'";
        return (css, script, policy);
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream($"Tradeguard.Trading.{name}")
            ?? throw new InvalidOperationException($"{name} is missing from the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
