using System.Globalization;
using System.Text;
using Tradeguard.Core.Storage;
using Tradeguard.Trading.Runs;

namespace Tradeguard.Trading.Reports;

/// <summary>
/// Writes a sweep's ranked table as <c>sweep.csv</c> (atomically, owner-only): rank, one column per swept parameter
/// (headed by its name, in the grid's column order), then the metrics (fractions, not percent).
/// </summary>
public static class SweepFile
{
    /// <summary>Writes <c>sweep.csv</c> into <paramref name="folder"/> (created if missing); returns its path.</summary>
    /// <exception cref="Tradeguard.Core.Errors.TradeguardException">The folder cannot be written (exit code 5).</exception>
    public static string Write(string folder, SweepGrid grid, IReadOnlyList<SweepRow> rows)
    {
        var text = new StringBuilder($"rank,{string.Join(',', grid.Parameters)},final_value,total_return,cagr,sharpe,max_drawdown,trades,win_rate,exposure,fees,sqn\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var m = rows[i].Report.Metrics;
            text.Append(CultureInfo.InvariantCulture,
                $"{i + 1},{string.Join(',', rows[i].Values.Select(v => v.ToString(CultureInfo.InvariantCulture)))},{m.FinalValue},{m.TotalReturn:R},{m.Cagr:R},{m.Sharpe:R},{m.MaxDrawdown:R},{m.TradeCount},{m.WinRate:R},{m.Exposure:R},{m.Fees},{m.Trades.Sqn:R}\n");
        }

        var path = Path.Combine(folder, "sweep.csv");
        try
        {
            Directory.CreateDirectory(folder);
            AtomicFile.WriteText(path, text.ToString(), FileDurability.Rebuildable);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Tradeguard.Core.Errors.TradeguardException(Tradeguard.Core.Errors.ExitCode.Configuration,
                $"{folder}: cannot write the sweep table ({Tradeguard.Core.Errors.IoProblem.Describe(e)}): choose another folder with --output", e);
        }
    }
}
