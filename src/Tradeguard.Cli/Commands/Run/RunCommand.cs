using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Cli.Composition;
using Tradeguard.Core.Errors;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Reports;
using Tradeguard.Trading.Runs;

namespace Tradeguard.Cli.Commands.Run;

/// <summary><c>tradeguard run CONFIG</c>: a paper-trading run (or a parameter sweep) on the bars a config names.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Argument<string>("config") { Description = "Run config (JSON), e.g. samples/sma-cross-orcl.json" };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for trades.csv, equity.csv, metrics.json, annual-returns.csv, monthly-returns.csv, equity.png, report.html (default: ./out/<run name>)" };
        var from = new Option<string?>("--from") { Description = "First date to trade, yyyy-MM-dd (overrides data.from)" };
        var to = new Option<string?>("--to") { Description = "Last date to trade, yyyy-MM-dd (overrides data.to)" };
        var sweep = new Option<string[]>("--sweep")
        {
            Description = "Sweep a strategy parameter, e.g. period=10..30 or period=10..30:2 or period=5,10,20; repeat it for a grid of every " +
                          $"combination (--sweep fast=5..20 --sweep slow=20..60:5, at most {SweepGrid.MaxCombinations.ToString("#,##0", CultureInfo.InvariantCulture)}); " +
                          "prints a ranked table",
        };
        var parallel = new Option<int?>("--parallel") { Description = "Sweep variants run at once (default: all cores)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print the summary table only: no alert line per event, no trade table (the report files are written all the same)" };
        var alertsTo = new Option<string?>("--alerts")
        {
            Description = "Also send the run's alerts to Telegram (needs the telegram section of alerts.json and the vault); " +
                          "without it a backtest sends nothing and never opens the vault",
        };
        alertsTo.AcceptOnlyFromAmong("telegram");

        var command = new Command("run",
            "Paper-trade a strategy on historical bars: prints each event as an alert line ([paper] Buy order executed · ORCL), " +
            "a summary table and the last 20 closed trades (all of them in trades.csv), and writes the report files. " +
            "Sends nothing to Telegram unless --alerts telegram.\n\n" +
            "Exit codes: 0 done, 2 usage, 4 malformed data file, 5 bad config or setting, or an output folder that cannot be written.");
        command.Arguments.Add(config);
        command.Options.Add(output);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(sweep);
        command.Options.Add(parallel);
        command.Options.Add(quiet);
        command.Options.Add(alertsTo);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var specs = parseResult.GetValue(sweep) ?? [];
            if (specs.Length == 0)
            {
                // A run draws equity.png: the drawing library starts on the other core while the bars are read and run.
                EquityChart.WarmUp();
            }

            var plan = RunConfigLoader.Load(parseResult.GetValue(config)!)
                .Between(Date(parseResult.GetValue(from), "--from"), Date(parseResult.GetValue(to), "--to"));
            foreach (var feed in plan.Feeds)
            {
                if (feed.Data is { From: { } f, To: { } t } && f > t)
                {
                    throw new TradeguardException(ExitCode.Usage, $"--from {f:yyyy-MM-dd} is after --to {t:yyyy-MM-dd}");
                }
            }

            var folder = parseResult.GetValue(output) ?? Path.Combine("out", plan.Name);
            var printer = new RunPrinter(ProgressDisplay.IsInteractive);
            if (specs.Length > 0 && plan.IsPortfolio)
            {
                throw new TradeguardException(ExitCode.Usage, "--sweep runs a single-symbol config (data); this config lists symbols");
            }

            var allBars = plan.LoadAllBars();
            var bars = allBars[0];
            if (specs.Length > 0)
            {
                var variants = SweepVariants.Of(plan, SweepGrid.Parse(specs));
                var workers = parseResult.GetValue(parallel) ?? Environment.ProcessorCount;
                if (workers < 1)
                {
                    throw new TradeguardException(ExitCode.Usage, $"--parallel must be at least 1 (got {workers})");
                }

                var rows = ProgressDisplay.Sweep(variants.Runnable.Count, progress => ParameterSweep.Run(plan, bars, variants, workers, progress));
                printer.PrintSweep(plan, variants, rows, SweepFile.Write(folder, variants.Grid, rows));
                return 0;
            }

            // A backtest is not a broadcast: Telegram only when asked, and only then the vault (for the bot token).
            var alertSettings = parseResult.GetValue(alertsTo) is null ? null : AlertsConfig.Load(null);
            var withTelegram = alertSettings is not null;
            if (alertSettings is not null && alertSettings.TelegramOptions() is null)
            {
                throw new TradeguardException(ExitCode.Configuration,
                    $"--alerts telegram needs a telegram section in {AlertsConfig.ResolvePath(null)} (see docs/telegram.md).");
            }

            using var installation = withTelegram
                ? Installation.Open(null, null, alertSettings, new StderrLogger(LogLevel.Warning))
                : Installation.OpenUnattended(null, null);
            var summaryOnly = parseResult.GetValue(quiet);
            var sinks = new List<ITradingEventSink>();
            if (!summaryOnly)
            {
                sinks.Add(printer.EventSink);
            }

            var alerts = withTelegram ? installation.Alerts! : null;
            if (alerts is not null)
            {
                sinks.Add(new TradingAlertSink(alerts.Publisher, alerts.Routing, Guid.NewGuid().ToString("N"), historical: true));
            }

            var audit = installation.OptionalVault is null ? null : installation.Audit;
            // --quiet prints the summary only: no progress lines on stderr either.
            if (plan.IsPortfolio)
            {
                var totalBars = allBars.Sum(b => b.Count);
                var portfolio = summaryOnly
                    ? Backtest.RunPortfolio(plan, allBars, sinks, audit)
                    : ProgressDisplay.Run(totalBars, progress => Backtest.RunPortfolio(plan, allBars, sinks, audit, progress));
                printer.PrintPortfolio(portfolio, folder, ReportFiles.WritePortfolio(folder, portfolio), summaryOnly);
            }
            else
            {
                var report = summaryOnly
                    ? Backtest.Run(plan, bars, sinks, audit)
                    : ProgressDisplay.Run(bars.Count, progress => Backtest.Run(plan, bars, sinks, audit, progress: progress));
                printer.PrintReport(report, folder, ReportFiles.Write(folder, plan.Name, report, bars.Bars), summaryOnly);
            }

            if (alerts is not null)
            {
                // A backtest takes seconds: its alerts, already committed to the outbox, go out once it is done. Cancelling
                // a dispatcher mid-send could send a message twice, so one drain does all the sending.
                foreach (var leftover in (await alerts.DrainAsync(AlertDrainTimeout, cancellationToken)).Leftovers())
                {
                    Console.Error.WriteLine($"warning: {leftover}");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>How long a finished run waits for its alerts to go out before leaving the rest queued.</summary>
    private static readonly TimeSpan AlertDrainTimeout = TimeSpan.FromSeconds(60);

    private static DateTime? Date(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.ToDateTime(TimeOnly.MinValue)
        : throw new TradeguardException(ExitCode.Usage, $"{option} \"{text}\" is not a date: use yyyy-MM-dd");
}
