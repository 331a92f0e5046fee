using System.Globalization;
using System.Text;
using System.Text.Json;
using Tradeguard.Core.Storage;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Reports;

/// <summary>
/// Writes a run's report into a folder: <c>trades.csv</c>, <c>equity.csv</c>, <c>metrics.json</c> and
/// <c>equity.png</c>. Each file is written atomically with owner-only permissions (a report reveals positions).
/// Numbers use the invariant culture; times are ISO 8601.
/// </summary>
public static class ReportFiles
{
    /// <summary>The file names, in the order written.</summary>
    public static IReadOnlyList<string> Names { get; } = ["trades.csv", "equity.csv", "metrics.json", "equity.png"];

    /// <summary>Writes the four files into <paramref name="folder"/> (created if missing) and returns their paths.</summary>
    /// <exception cref="Tradeguard.Core.Errors.TradeguardException">The folder cannot be written (exit code 5).</exception>
    public static IReadOnlyList<string> Write(string folder, RunResult result, PerformanceMetrics metrics)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var paths = Names.Select(n => Path.Combine(folder, n)).ToArray();
            AtomicFile.WriteText(paths[0], TradesCsv(result.Trades));
            AtomicFile.WriteText(paths[1], EquityCsv(result.EquityCurve));
            AtomicFile.WriteText(paths[2], MetricsJson(result, metrics));
            AtomicFile.Write(paths[3], EquityChart.Render(result));
            return paths;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Tradeguard.Core.Errors.TradeguardException(Tradeguard.Core.Errors.ExitCode.Configuration,
                $"{folder}: cannot write the report ({Tradeguard.Core.Errors.IoProblem.Describe(e)}): choose another folder with --output", e);
        }
    }

    /// <summary>The closed-trade list as CSV: one row per round trip.</summary>
    public static string TradesCsv(IEnumerable<ClosedTrade> trades)
    {
        var text = new StringBuilder("symbol,entry_time,exit_time,quantity,entry_price,exit_price,gross_pnl,commission,net_pnl,bars_held\n");
        foreach (var t in trades)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{t.Symbol},{t.EntryTime:yyyy-MM-ddTHH:mm:ss},{t.ExitTime:yyyy-MM-ddTHH:mm:ss},{t.Quantity},{t.EntryPrice},{t.ExitPrice},{t.GrossPnl},{t.Commission},{t.NetPnl},{t.BarsHeld}\n");
        }

        return text.ToString();
    }

    /// <summary>The equity curve as CSV: time, equity (quote currency), position (units), drawdown (fraction).</summary>
    public static string EquityCsv(IEnumerable<EquityPoint> curve)
    {
        var text = new StringBuilder("time,equity,position,drawdown\n");
        var peak = decimal.MinValue;
        foreach (var p in curve)
        {
            peak = Math.Max(peak, p.Equity);
            var drawdown = peak > 0 ? (peak - p.Equity) / peak : 0;
            text.Append(CultureInfo.InvariantCulture, $"{p.Time:yyyy-MM-ddTHH:mm:ss},{p.Equity},{p.Position},{Math.Round(drawdown, 8)}\n");
        }

        return text.ToString();
    }

    /// <summary>The metrics as indented JSON with camelCase names.</summary>
    public static string MetricsJson(RunResult result, PerformanceMetrics metrics) =>
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
            metrics.MaxDrawdown,
            metrics.TradeCount,
            metrics.WinRate,
            metrics.Exposure,
            metrics.Fees,
            finalPosition = result.FinalPosition,
            killSwitchEngaged = result.KillSwitchEngaged,
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) + "\n";
}
