using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Cli.Composition;
using Tradeguard.Cli.Hosting;
using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Runner;
using Tradeguard.Exchange.State;
using Tradeguard.Telegram;

namespace Tradeguard.Cli.Commands.Exchange;

/// <summary>
/// <c>exchange serve</c>: the strategy runner as a long-running service on the Generic Host, with the alert dispatcher,
/// the Telegram command bot bound to the runner (when Telegram is configured) and audit; see docs/exchange.md.
/// </summary>
internal static class ExchangeServeCommand
{
    /// <summary>How long /closeall waits for the runner to confirm the order was sent.</summary>
    private static readonly TimeSpan CloseAllWait = TimeSpan.FromSeconds(20);

    public static Command Create()
    {
        var options = new ExchangeOptions();
        var shutdownTimeout = new Option<int>("--shutdown-timeout")
        {
            Description = "Seconds a graceful stop may take (runner, bot, alert flush, audit checkpoint); the alert flush gets half",
            DefaultValueFactory = _ => 30,
        };
        var command = new Command("serve",
            "Run the config's strategy as a service (systemd): pre-flight, then the runner, the alert dispatcher, the Telegram command bot " +
            "(when configured) and audit until SIGTERM or Ctrl+C. On stop: no new orders, alerts flushed, audit checkpoint written, exit 0. " +
            "Paper unless --live and \"mode\": \"live\"; state is kept per mode in $TRADEGUARD_HOME/state/<mode>/<name>.json.");
        options.AddTo(command);
        options.AlertsConfig.AddTo(command);
        command.Options.Add(shutdownTimeout);
        command.Options.Add(options.ResetState);
        // A synchronous action: the host's console lifetime owns SIGTERM and Ctrl+C, with its own shutdown timeout.
        command.SetAction(parseResult =>
        {
            var timeout = parseResult.GetValue(shutdownTimeout);
            if (timeout is < 1 or > 3600)
            {
                throw new TradeguardException(ExitCode.Usage, $"--shutdown-timeout must be 1 to 3600 seconds (got {timeout})");
            }

            var level = parseResult.GetValue(options.Verbose) ? LogLevel.Debug : LogLevel.Information;
            var logger = new StderrLogger(level);
            var settings = options.AlertsConfig.Load(parseResult);
            var config = options.LoadConfig(parseResult);
            using var installation = Installation.Open(parseResult.GetValue(options.Vault), parseResult.GetValue(options.KeyFile), settings.WithoutTelegram(), logger);
            var linked = TelegramLinkCheck.EnsureConfigured(settings, installation);

            using var state = options.OpenState(parseResult, config, logger);
            ExchangeSession session;
            using (var preflightSignal = new ShutdownSignal())
            {
                session = options.PrepareAsync(parseResult, config, installation, logger, preflightSignal.Token).GetAwaiter().GetResult();
            }

            using (session)
            {

                var mode = RunStateFile.ModeWord(session.Mode);
                using var alerts = AlertsRuntime.Start(settings, installation.Vault, installation.Log, logger,
                    linked is null ? null : new TelegramRouting(linked.Options, linked.Store, linked.Operators));
                var runner = session.CreateRunner([new TradingAlertSink(alerts.Publisher, alerts.Routing, Guid.NewGuid().ToString("N"), includeConsole: true)],
                    alerts.Audit, logger, state: state);
                var poller = TelegramCommandWiring.Create(linked, alerts, new RunnerEngine(runner, CloseAllWait), logger);

                Console.WriteLine($"Serving {session.Plan.Strategy.Name} on {session.Config.Symbol} at {session.Config.BaseUrl.GetLeftPart(UriPartial.Authority)} " +
                    $"({(mode == "live" ? "LIVE" : "paper")}) with {session.Credentials}; state {state.Path}; Telegram {(poller is null ? "off" : "on")}. Stop with SIGTERM or Ctrl+C.");
                return TradingServiceHost.RunAsync(new TradingServiceHost.Parts(installation, alerts, runner, poller, session.Config.RunName, mode,
                    TimeSpan.FromSeconds(timeout), level)).GetAwaiter().GetResult();
            }
        });
        return command;
    }
}
