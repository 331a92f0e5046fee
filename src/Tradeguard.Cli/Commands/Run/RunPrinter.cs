using System.Globalization;
using Spectre.Console;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Reports;
using Tradeguard.Trading.Reports.Analyzers;
using Tradeguard.Trading.Runs;

namespace Tradeguard.Cli.Commands.Run;

/// <summary>Prints a run: one alert line per event, then the summary table, the closed trades and the files written.</summary>
internal sealed class RunPrinter
{
    private readonly bool interactive;
    private readonly string mode;

    /// <param name="interactive">True when stdout is a terminal.</param>
    /// <param name="mode">The run's mode as the summary title names it: <c>paper</c> (backtests) or <c>LIVE</c>.</param>
    public RunPrinter(bool interactive, string mode = "paper")
    {
        this.interactive = interactive;
        this.mode = mode;
        EventSink = new DelegateEventSink(Print);
    }

    /// <summary>Prints each event's high-level line only (no quantities, prices or amounts), with its bar date.</summary>
    public ITradingEventSink EventSink { get; }

    /// <summary>How many of the last closed trades the console table shows; the full list is in trades.csv.</summary>
    public const int TradesShown = 20;

    /// <summary>Sweep variants the console table shows, best first (<c>sweep.csv</c> has all).</summary>
    public const int SweepRowsShown = 20;

    /// <summary>
    /// Prints the summary table; unless <paramref name="summaryOnly"/>, then the last <see cref="TradesShown"/> closed
    /// trades and the files written. The summary names the report folder, so a quiet run still says where it is.
    /// </summary>
    public void PrintReport(RunReport report, string folder, IReadOnlyList<string> files, bool summaryOnly)
    {
        PrintSummary(report, folder);
        if (!summaryOnly)
        {
            PrintDetails(report, files, withSymbol: false);
        }
    }

    private void PrintSummary(RunReport report, string folder)
    {
        var r = report.Result;
        var m = report.Metrics;
        var summary = new Table().Title($"{Markup.Escape(r.Symbol)} · {Markup.Escape(r.StrategyName)} · {Markup.Escape(mode)}").AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => summary.AddRow(name, Markup.Escape(value));
        Row("bars", m.Bars.ToString(CultureInfo.InvariantCulture));
        Row("period", r.EquityCurve.Count > 0 ? $"{BarTime.Text(r.EquityCurve[0].Time)} … {BarTime.Text(r.EquityCurve[^1].Time)}" : "-");
        Row("start value", Money(m.StartValue));
        Row("final value", Money(m.FinalValue));
        Row("total return", Percent(m.TotalReturn));
        Row("CAGR", Percent(m.Cagr));
        Row($"Sharpe (annualised, {m.PeriodsPerYear.ToString("0.##", CultureInfo.InvariantCulture)})", m.Sharpe.ToString("0.00", CultureInfo.InvariantCulture));
        Row($"Sortino (annualised, {m.PeriodsPerYear.ToString("0.##", CultureInfo.InvariantCulture)})", Ratio(m.Sortino));
        Row("Calmar (CAGR / max drawdown)", Ratio(m.Calmar));
        Row("max drawdown", $"{Percent(m.MaxDrawdown)} · {Money(m.Drawdown.MaxMoney)} at most");
        Row("longest drawdown", $"{m.Drawdown.MaxLength.ToString(CultureInfo.InvariantCulture)} bars");
        Row("average drawdown", $"{Percent(m.Drawdown.Average)} · {m.Drawdown.AverageLength.ToString("0.0", CultureInfo.InvariantCulture)} bars ({m.Drawdown.Count.ToString(CultureInfo.InvariantCulture)} drawdowns)");
        Row("trades", m.TradeCount.ToString(CultureInfo.InvariantCulture));
        Row("win rate", Percent(m.WinRate));
        Row("profit factor", m.Trades.ProfitFactor is { } factor ? factor.ToString("0.00", CultureInfo.InvariantCulture) : "- (no losing trade)");
        Row("expectancy per trade", m.Trades.Expectancy is { } expectancy ? Money(expectancy) : "-");
        Row("SQN", Ratio(m.Trades.Sqn));
        Row("exposure", Percent(m.Exposure));
        Row("fees", Money(m.Fees));
        if (r.KillSwitchEngaged)
        {
            Row("kill switch", "engaged");
        }

        Row("report", folder);
        AnsiConsole.Write(summary);
    }

    private static void PrintDetails(RunReport report, IReadOnlyList<string> files, bool withSymbol)
    {
        PrintAnnualReturns(report.Metrics.AnnualReturns);
        PrintLastTrades(report.Result.Trades, files[ReportFiles.TradesFile], withSymbol);
        PrintFiles(files);
    }

    /// <summary>
    /// Prints a portfolio run: the whole portfolio's summary table (as <see cref="PrintReport"/>, with its metrics),
    /// then one row per symbol (bars, trades, net P&amp;L, commission, final position); unless
    /// <paramref name="summaryOnly"/>, then the annual returns, the last closed trades of all symbols and the files written.
    /// </summary>
    public void PrintPortfolio(PortfolioReport report, string folder, IReadOnlyList<string> files, bool summaryOnly)
    {
        PrintSummary(report.Total, folder);
        var table = new Table().Title("symbols").AddColumn("symbol");
        foreach (var column in new[] { "bars", "trades", "net P&L", "commission", "final position" })
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        }

        foreach (var s in report.Symbols)
        {
            table.AddRow(Markup.Escape(s.Symbol), s.Bars.ToString(CultureInfo.InvariantCulture), s.Trades.Count.ToString(CultureInfo.InvariantCulture),
                Money(s.NetPnl), Money(s.Commission), Number(s.FinalPosition));
        }

        AnsiConsole.Write(table);
        if (!summaryOnly)
        {
            PrintDetails(report.Total, files, withSymbol: true);
        }
    }

    /// <summary>
    /// Prints the best <see cref="SweepRowsShown"/> variants (rank, one column per swept parameter, the metrics), the
    /// combinations the strategy refused, and where the full table is.
    /// </summary>
    public void PrintSweep(RunPlan plan, SweepVariants variants, IReadOnlyList<SweepRow> rows, string file)
    {
        var parameters = variants.Grid.Parameters.ToArray();
        var shown = Math.Min(rows.Count, SweepRowsShown);
        var title = $"sweep of {Markup.Escape(string.Join(" × ", parameters))} · {Markup.Escape(plan.Strategy.Name)} · paper" +
                    (shown < rows.Count ? $" (the best {shown} of {rows.Count})" : "");
        var table = new Table().Title(title).AddColumn("rank");
        foreach (var parameter in parameters)
        {
            table.AddColumn(Markup.Escape(parameter));
        }

        table.AddColumns("final value", "total return", "Sharpe", "max drawdown", "trades", "win rate", "SQN");
        for (var i = 0; i < shown; i++)
        {
            var m = rows[i].Report.Metrics;
            string[] metrics = [Money(m.FinalValue), Percent(m.TotalReturn), m.Sharpe.ToString("0.00", CultureInfo.InvariantCulture), Percent(m.MaxDrawdown),
                m.TradeCount.ToString(CultureInfo.InvariantCulture), Percent(m.WinRate), Ratio(m.Trades.Sqn)];
            table.AddRow([(i + 1).ToString(CultureInfo.InvariantCulture), .. rows[i].Values.Select(v => v.ToString(CultureInfo.InvariantCulture)), .. metrics]);
        }

        AnsiConsole.Write(table);
        foreach (var skipped in variants.Skipped)
        {
            Console.Out.WriteLine($"skipped {skipped.Count} of {variants.Grid.Count} combinations: {skipped.Reason}");
        }

        // A plain line, never wrapped, so the path can be copied whole.
        Console.Out.WriteLine($"all {rows.Count} variants, ranked: {file}");
    }

    private void Print(TradingEvent e)
    {
        var line = $"{BarTime.Text(e.Time)} {e.AlertLine}";
        if (interactive)
        {
            AnsiConsole.WriteLine(line);
        }
        else
        {
            Console.Out.WriteLine(line);
        }
    }

    private static void PrintAnnualReturns(IReadOnlyList<PeriodReturn> years)
    {
        // The last ones only, as for trades: a long synthetic run spans thousands of years; annual-returns.csv has all.
        var first = Math.Max(0, years.Count - TradesShown);
        var title = first == 0 ? "annual returns" : $"annual returns (the last {years.Count - first} of {years.Count})";
        var table = new Table().Title(title).AddColumns("year", "start value", "end value").AddColumn(new TableColumn("return").RightAligned());
        for (var i = first; i < years.Count; i++)
        {
            var y = years[i];
            table.AddRow(y.PeriodStart.Year.ToString(CultureInfo.InvariantCulture), Money(y.StartValue), Money(y.EndValue), y.Return is { } value ? Percent(value) : "-");
        }

        AnsiConsole.Write(table);
    }

    // withSymbol: a portfolio run's trades are of several symbols.
    private static void PrintLastTrades(IReadOnlyList<ClosedTrade> all, string tradesFile, bool withSymbol)
    {
        if (all.Count == 0)
        {
            AnsiConsole.WriteLine("no closed trades");
            return;
        }

        var first = Math.Max(0, all.Count - TradesShown);
        var title = first == 0 ? "closed trades" : $"closed trades (the last {all.Count - first} of {all.Count})";
        var trades = new Table().Title(title).AddColumns(withSymbol ? ["#", "symbol"] : ["#"]).AddColumns("entry", "exit", "qty", "entry price", "exit price", "net P&L", "bars");
        for (var i = first; i < all.Count; i++)
        {
            var t = all[i];
            string[] cells = [BarTime.Text(t.EntryTime), BarTime.Text(t.ExitTime), Number(t.Quantity), Money(t.EntryPrice), Money(t.ExitPrice), Money(t.NetPnl),
                t.BarsHeld.ToString(CultureInfo.InvariantCulture)];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            trades.AddRow(withSymbol ? [number, Markup.Escape(t.Symbol), .. cells] : [number, .. cells]);
        }

        AnsiConsole.Write(trades);
        // A plain line, never wrapped, so the path can be copied whole.
        Console.Out.WriteLine($"all {all.Count} closed trades: {tradesFile}");
    }

    private static void PrintFiles(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            AnsiConsole.WriteLine("wrote " + file);
        }
    }

    private static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Ratio(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";

    private static string Number(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";
}
