using System.Globalization;
using System.Text;
using Tradeguard.Core.Storage;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Reports.Analyzers;
using Tradeguard.Trading.Reports.Html;
using Tradeguard.Trading.Runs;

namespace Tradeguard.Trading.Reports;

/// <summary>
/// Writes a run's report into a folder: <c>trades.csv</c>, <c>equity.csv</c>, <c>metrics.json</c>,
/// <c>annual-returns.csv</c>, <c>monthly-returns.csv</c>, <c>equity.png</c> and <c>report.html</c>
/// (<see cref="HtmlReport"/>); for a portfolio run the same files of the whole portfolio with <c>symbols.csv</c>, each
/// symbol's figures, in place of <c>report.html</c> (<see cref="WritePortfolio"/>). Each file is written atomically with owner-only permissions (a report reveals
/// positions), not flushed to disk (<see cref="FileDurability.Rebuildable"/>). Numbers use the invariant culture; times are ISO 8601.
/// </summary>
public static class ReportFiles
{
    /// <summary>The file names, in the order written.</summary>
    public static IReadOnlyList<string> Names { get; } = ["trades.csv", "equity.csv", "metrics.json", "annual-returns.csv", "monthly-returns.csv", "equity.png", "report.html"];

    /// <summary>The file names of a portfolio run, in the order written.</summary>
    public static IReadOnlyList<string> PortfolioNames { get; } = ["trades.csv", "equity.csv", "metrics.json", "annual-returns.csv", "monthly-returns.csv", "equity.png", "symbols.csv"];

    /// <summary>The index of <c>trades.csv</c> in <see cref="Names"/> and <see cref="PortfolioNames"/>, and in the paths <see cref="Write"/> and <see cref="WritePortfolio"/> return.</summary>
    public const int TradesFile = 0;

    /// <summary>Writes the files of <see cref="Names"/> into <paramref name="folder"/> (created if missing) and returns their paths.</summary>
    /// <param name="folder">The report folder.</param>
    /// <param name="runName">The run's name (the title of <c>report.html</c>).</param>
    /// <param name="report">The run, its metrics and the strategy's price overlays.</param>
    /// <param name="prices">The bars the run traded (drawn under the equity curve in <c>equity.png</c>, as candles in <c>report.html</c>).</param>
    /// <exception cref="Tradeguard.Core.Errors.TradeguardException">The folder cannot be written (exit code 5).</exception>
    public static IReadOnlyList<string> Write(string folder, string runName, RunReport report, IReadOnlyList<Bar> prices) =>
        WriteFiles(folder, Names, report, prices, stream => HtmlReport.Write(stream, runName, report, prices));

    /// <summary>
    /// Writes the files of <see cref="PortfolioNames"/> into <paramref name="folder"/> (created if missing) and returns
    /// their paths: the whole portfolio's trades (every symbol's, by exit time), equity, metrics, returns and
    /// <c>equity.png</c> (the equity line only: the symbols' prices do not share one axis), and <c>symbols.csv</c>
    /// (<see cref="WriteSymbolsCsv"/>).
    /// </summary>
    /// <param name="folder">The report folder.</param>
    /// <param name="report">The portfolio run.</param>
    /// <exception cref="Tradeguard.Core.Errors.TradeguardException">The folder cannot be written (exit code 5).</exception>
    public static IReadOnlyList<string> WritePortfolio(string folder, PortfolioReport report) =>
        WriteFiles(folder, PortfolioNames, report.Total, [], stream => WriteText(stream, writer => WriteSymbolsCsv(writer, report.Symbols)));

    /// <summary>
    /// Writes each symbol's figures of a portfolio run as CSV, one row per symbol in config order: symbol, bars,
    /// closed trades, net P&amp;L (its cash flows plus its position at its last close, commission included; quote
    /// currency), commission, final position (units), last close (quote currency per unit).
    /// </summary>
    /// <param name="writer">Where the rows go.</param>
    /// <param name="symbols">The symbols' results.</param>
    public static void WriteSymbolsCsv(TextWriter writer, IEnumerable<SymbolResult> symbols)
    {
        writer.Write("symbol,bars,trades,net_pnl,commission,final_position,last_close\n");
        foreach (var s in symbols)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{s.Symbol},{s.Bars},{s.Trades.Count},{s.NetPnl},{s.Commission},{s.FinalPosition},{s.LastClose}\n"));
        }
    }

    // The five data files and the chart, then the last file (report.html or symbols.csv) at index 6 of names.
    private static string[] WriteFiles(string folder, IReadOnlyList<string> names, RunReport report, IReadOnlyList<Bar> prices, Action<Stream> writeLast)
    {
        var (result, metrics) = (report.Result, report.Metrics);
        try
        {
            Directory.CreateDirectory(folder);
            var paths = names.Select(n => Path.Combine(folder, n)).ToArray();
            // The chart (mostly the drawing library's start-up in a fresh process) renders on another core meanwhile.
            var chart = Task.Run(() => EquityChart.Render(result, prices));
            // A rerun rebuilds every file from the config and the data: atomic, but not flushed (Rebuildable).
            const FileDurability rebuildable = FileDurability.Rebuildable;
            AtomicFile.Write(paths[0], stream => WriteText(stream, writer => WriteTradesCsv(writer, result.Trades)), rebuildable);
            AtomicFile.Write(paths[1], stream => WriteText(stream, writer => WriteEquityCsv(writer, result.EquityCurve)), rebuildable);
            AtomicFile.WriteText(paths[2], MetricsJson(result, metrics), rebuildable);
            AtomicFile.Write(paths[3], stream => WriteText(stream, writer => WriteReturnsCsv(writer, metrics.AnnualReturns)), rebuildable);
            AtomicFile.Write(paths[4], stream => WriteText(stream, writer => WriteReturnsCsv(writer, metrics.MonthlyReturns)), rebuildable);
            AtomicFile.Write(paths[6], writeLast, rebuildable);
            var png = chart.GetAwaiter().GetResult();
            AtomicFile.Write(paths[5], stream => stream.Write(png), rebuildable);
            return paths;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Tradeguard.Core.Errors.TradeguardException(Tradeguard.Core.Errors.ExitCode.Configuration,
                $"{folder}: cannot write the report ({Tradeguard.Core.Errors.IoProblem.Describe(e)}): choose another folder with --output", e);
        }
    }

    /// <summary>The closed-trade list as CSV: one row per round trip (see <see cref="WriteTradesCsv"/>).</summary>
    public static string TradesCsv(IEnumerable<ClosedTrade> trades)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteTradesCsv(writer, trades);
        return writer.ToString();
    }

    /// <summary>
    /// Writes the closed-trade list as CSV, one row per round trip: symbol, entry and exit time (ISO 8601), quantity,
    /// entry and exit price, gross P&amp;L, commission, net P&amp;L (quote currency), bars held.
    /// </summary>
    /// <param name="writer">Where the rows go, line by line (no buffering of its own).</param>
    /// <param name="trades">The trades, in order.</param>
    public static void WriteTradesCsv(TextWriter writer, IEnumerable<ClosedTrade> trades)
    {
        writer.Write("symbol,entry_time,exit_time,quantity,entry_price,exit_price,gross_pnl,commission,net_pnl,bars_held\n");
        foreach (var t in trades)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{t.Symbol},{t.EntryTime:yyyy-MM-ddTHH:mm:ss},{t.ExitTime:yyyy-MM-ddTHH:mm:ss},{t.Quantity},{t.EntryPrice},{t.ExitPrice},{t.GrossPnl},{t.Commission},{t.NetPnl},{t.BarsHeld}\n"));
        }
    }

    /// <summary>
    /// Writes the equity curve as CSV: time (ISO 8601), equity (quote currency), position (units), drawdown from the
    /// running peak (fraction, rounded to 8 places).
    /// </summary>
    /// <param name="writer">Where the rows go, line by line.</param>
    /// <param name="curve">The curve, in time order.</param>
    public static void WriteEquityCsv(TextWriter writer, IEnumerable<EquityPoint> curve)
    {
        writer.Write("time,equity,position,drawdown\n");
        var peak = decimal.MinValue;
        // One line formatted into a reused buffer: a 100,000-point curve allocates no string per row.
        Span<char> line = stackalloc char[160];
        foreach (var p in curve)
        {
            peak = Math.Max(peak, p.Equity);
            var drawdown = peak > 0 ? (peak - p.Equity) / peak : 0;
            var rounded = Math.Round(drawdown, 8);
            if (line.TryWrite(CultureInfo.InvariantCulture, $"{p.Time:yyyy-MM-ddTHH:mm:ss},{p.Equity},{p.Position},{rounded}\n", out var written))
            {
                writer.Write(line[..written]);
            }
            else
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{p.Time:yyyy-MM-ddTHH:mm:ss},{p.Equity},{p.Position},{rounded}\n"));
            }
        }
    }

    /// <summary>
    /// Writes period returns as CSV, one row per calendar year or month: first and last calendar day of the period
    /// (yyyy-MM-dd), equity at its start and end (quote currency), return (fraction, round-trip precision; empty when
    /// the start value is not positive).
    /// </summary>
    /// <param name="writer">Where the rows go.</param>
    /// <param name="returns">The periods, in order.</param>
    public static void WriteReturnsCsv(TextWriter writer, IEnumerable<PeriodReturn> returns)
    {
        writer.Write("period_start,period_end,start_value,end_value,return\n");
        foreach (var r in returns)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{r.PeriodStart:yyyy-MM-dd},{r.PeriodEnd:yyyy-MM-dd},{r.StartValue},{r.EndValue},{r.Return:R}\n"));
        }
    }

    // UTF-8 without a byte-order mark, through one 64 KiB buffer: O(n) in the rows, no whole-file string.
    private static void WriteText(Stream stream, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        write(writer);
    }

    /// <summary>The metrics as indented JSON with camelCase names (<see cref="MetricsDocument"/>).</summary>
    public static string MetricsJson(RunResult result, PerformanceMetrics metrics) => MetricsDocument.Of(result, metrics).ToJson();
}
