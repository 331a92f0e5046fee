using System.CommandLine;
using Tradeguard.Cli.Commands.Run;
using Tradeguard.Core.Errors;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Reports;
using Tradeguard.Trading.Runs;

namespace Tradeguard.Cli.Commands.Exchange;

/// <summary><c>exchange run</c>: pre-flight, then the strategy on the exchange until SIGTERM, Ctrl+C or --max-bars.</summary>
internal static class ExchangeRunCommand
{
    public static Command Create()
    {
        var options = new ExchangeOptions();
        var maxBars = new Option<int?>("--max-bars") { Description = "Stop after the strategy has seen this many candles" };
        var output = new Option<string?>("--output", "-o") { Description = "Report folder (default out/<run name>-<mode>)" };
        var command = new Command("run",
            "Run the config's strategy on the exchange after the pre-flight checks. Paper unless --live and \"mode\": \"live\". " +
            "Resumes the run's saved state (state/<mode>/<name>.json in the Tradeguard home; paper and live apart). " +
            "Stops gracefully on SIGTERM or Ctrl+C: no new order is sent after the signal. Ends with the same summary table and report " +
            "files as `run` (trades.csv, equity.csv, metrics.json, annual-returns.csv, monthly-returns.csv, equity.png) for the candles this process saw.");
        options.AddTo(command);
        command.Options.Add(maxBars);
        command.Options.Add(output);
        command.Options.Add(options.ResetState);
        command.SetAction(parseResult =>
        {
            var bars = parseResult.GetValue(maxBars);
            if (bars is <= 0)
            {
                throw new TradeguardException(ExitCode.Usage, "--max-bars must be at least 1");
            }

            var logger = options.Logger(parseResult);
            using var shutdown = new ShutdownSignal();
            var config = options.LoadConfig(parseResult);
            using var installation = options.OpenInstallation(parseResult);
            using var state = options.OpenState(parseResult, config, logger);
            using var session = options.PrepareAsync(parseResult, config, installation, logger, shutdown.Token).GetAwaiter().GetResult();
            var mode = session.Mode == TradingMode.Live ? "LIVE" : "paper";
            Console.WriteLine($"Trading {session.Plan.Strategy.Name} on {session.Config.Symbol} at {session.Config.BaseUrl.GetLeftPart(UriPartial.Authority)} " +
                $"({mode}) with {session.Credentials}.");
            var printer = new DelegateEventSink(e =>
            {
                if (e.Kind is not (TradingEventKind.RunStarted or TradingEventKind.RunFinished))
                {
                    Console.WriteLine($"{e.Time:yyyy-MM-dd} {e.AlertLine}");
                }
            });
            var runner = session.CreateRunner([printer], installation.Audit, logger, bars, state);
            runner.RunAsync(shutdown.Token).GetAwaiter().GetResult();
            var filled = runner.Orders.Count(o => o.Status == Trading.Broker.OrderStatus.Filled);
            Console.WriteLine($"Run stopped ({mode}) after {runner.BarsSeen} candles: {runner.Orders.Count} orders, {filled} filled. Position {runner.Position}, cash {runner.Cash:0.00}.");
            if (runner.BarsSeen > 0)
            {
                var result = runner.Result();
                var report = new RunReport(result, PerformanceMetrics.From(result, session.Plan.RiskFreeRate, session.Plan.PeriodsPerYear), session.Plan.CreateStrategy().Overlays);
                var folder = parseResult.GetValue(output) ?? Path.Combine("out", $"{session.Config.RunName}-{mode.ToLowerInvariant()}");
                new RunPrinter(ProgressDisplay.IsInteractive, mode).PrintReport(report, folder, ReportFiles.Write(folder, session.Config.RunName, report, runner.Bars), summaryOnly: false);
            }

            return 0;
        });
        return command;
    }
}
