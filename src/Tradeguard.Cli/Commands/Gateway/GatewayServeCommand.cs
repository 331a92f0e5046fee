using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Audit;
using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Cli.Commands.Exchange;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Composition;
using Tradeguard.Cli.Hosting;
using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Preflight;
using Tradeguard.Exchange.Signing;
using Tradeguard.Gateway.Channel;
using Tradeguard.Gateway.Config;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Hosting;
using Tradeguard.Gateway.Journal;
using Tradeguard.Gateway.Keys;
using Tradeguard.Gateway.Rest;
using Tradeguard.Gateway.State;
using Tradeguard.Telegram;
using AlertMode = Tradeguard.Alerts.TradingMode;
using EventMode = Tradeguard.Trading.Events.TradingMode;

namespace Tradeguard.Cli.Commands.Gateway;

/// <summary>
/// <c>gateway serve --config gateway.json</c>: validates the config, reads the bots' keys and the real key from the
/// vault, runs the exchange pre-flight, then serves bots on the Generic Host with audit, alert dispatch, the admin
/// socket and (when linked) the Telegram command bot, until SIGTERM or Ctrl+C; see docs/gateway.md.
/// </summary>
internal static class GatewayServeCommand
{
    /// <summary>How long a Telegram /stop or /closeall waits for the exchange before answering "under way".</summary>
    private static readonly TimeSpan ActionWait = TimeSpan.FromSeconds(20);

    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Gateway config (JSON; see docs/gateway.md)", Required = true };
        var live = new Option<bool>("--live") { Description = "Trade live (also needs \"mode\": \"live\" in the config); otherwise paper" };
        var allowWithdrawalKeys = new Option<bool>("--allow-withdrawal-keys") { Description = "Accept an exchange key that can withdraw or transfer funds (warned about and audited)" };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request (method, path, bot; never keys)" };
        var alertsConfig = new Option<string?>("--alerts-config") { Description = $"Alert and Telegram settings (default {AlertsConfig.DefaultFileName} in the Tradeguard home)" };
        var shutdownTimeout = new Option<int>("--shutdown-timeout") { Description = "Seconds a graceful stop may take", DefaultValueFactory = _ => 30 };
        var vault = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("serve",
            "Serve bots the Binance Spot REST subset on loopback or a Unix socket: each bot signs with its own key, the gateway checks it and the bot's " +
            "policy, re-signs with the exchange key from the vault and forwards. Paper unless --live and \"mode\": \"live\". Stop with SIGTERM or Ctrl+C.")
        {
            config, live, allowWithdrawalKeys, verbose, alertsConfig, shutdownTimeout, vault, keyFile,
        };
        command.SetAction(parseResult =>
        {
            var timeout = parseResult.GetValue(shutdownTimeout);
            if (timeout is < 1 or > 3600)
            {
                throw new TradeguardException(ExitCode.Usage, $"--shutdown-timeout must be 1 to 3600 seconds (got {timeout})");
            }

            var level = parseResult.GetValue(verbose) ? LogLevel.Debug : LogLevel.Information;
            var logger = new StderrLogger(level);
            var gatewayConfig = GatewayConfig.Load(parseResult.GetValue(config)!);
            // A second serve stops here, before it renews the admin token or writes the audit log the running one uses.
            using var instance = GatewayInstanceLock.Take(gatewayConfig.AdminSocketPath);
            UnixSocket.RefuseIfAnswering(gatewayConfig.AdminSocketPath, "the admin socket");
            UnixSocket.RefuseIfAnswering(new ChannelOptions().SocketPath, "the bot channel");
            var (mode, warning) = ModeGate.Resolve(parseResult.GetValue(live), gatewayConfig.Mode, gatewayConfig.Upstream.IsLoopback);
            if (warning is not null)
            {
                logger.LogWarning("{Warning}", warning);
            }

            var settings = AlertsConfig.Load(parseResult.GetValue(alertsConfig));
            using var installation = Installation.Open(parseResult.GetValue(vault), parseResult.GetValue(keyFile), settings.WithoutTelegram(), logger);
            var linked = TelegramLinkCheck.EnsureConfigured(settings, installation);
            var preflight = new PreflightOptions
            {
                Exchange = gatewayConfig.Exchange,
                AllowWithdrawalKeys = parseResult.GetValue(allowWithdrawalKeys),
                PrivateFiles = [new PrivatePath(gatewayConfig.Path, "config"), new PrivatePath(VaultAccess.ResolvePath(parseResult.GetValue(vault)), "vault")],
            };
            ExchangePreflight.CheckLocal(installation.Vault, preflight);
            var keys = new BotKeyStore(installation.Vault);
            var botKeys = new List<BotKey>();
            var credentials = (ApiCredentials?)null;
            try
            {
                botKeys.AddRange(gatewayConfig.BotNames.Select(keys.Read));
                credentials = ApiCredentials.Load(installation.Vault, gatewayConfig.Exchange);
                using (var signal = new ShutdownSignal())
                using (var client = BinanceSpotClient.Create(credentials, gatewayConfig.Upstream, logger))
                {
                    ExchangePreflight.CheckRemoteAsync(client, credentials.MaskedKey, preflight, logger, installation.Audit, signal.Token).GetAwaiter().GetResult();
                }
            }
            catch
            {
                botKeys.ForEach(k => k.Dispose());
                credentials?.Dispose();
                throw;
            }

            using var adminToken = AdminToken.Renew(installation.Vault);
            // Per-order records are committed behind the answer, in batches: the disk sync stays off the order path.
            using var auditWriter = new WriteBehindAuditLog(installation.Log, problem => logger.LogError("{Problem}", problem));
            using var alerts = AlertsRuntime.Start(settings, installation.Vault, auditWriter, logger,
                linked is null ? null : new TelegramRouting(linked.Options, linked.Store, linked.Operators));
            var modeWord = mode == EventMode.Live ? "live" : "paper";
            var parts = new GatewayParts
            {
                Config = gatewayConfig,
                BotKeys = botKeys,
                ExchangeCredentials = credentials,
                Mode = mode == EventMode.Live ? AlertMode.Live : AlertMode.Paper,
                Audit = alerts.Audit,
                Alerts = alerts.Publisher,
                Logging = new RedactingLoggerProvider(level),
                LogLevel = level,
                AdminToken = adminToken,
                Ledger = LedgerFile.ForMode(modeWord),
            };
            var outcome = new ServiceOutcome();
            using var app = GatewayHost.Build(parts, services =>
            {
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(timeout));
                // Registration order = start order; Kestrel starts listening after these and stops before them.
                services.AddSingleton(outcome);
                services.AddHostedService(sp => new AuditService(installation, "gateway", modeWord, outcome, sp.GetRequiredService<ILogger<AuditService>>()));
                services.AddHostedService(sp => new AlertDispatchService(alerts, TimeSpan.FromSeconds(timeout) / 2, sp.GetRequiredService<ILogger<AlertDispatchService>>()));
                BotChannelService.Add(services);
                if (linked is not null)
                {
                    services.AddHostedService(sp => new TelegramBotService(
                        TelegramCommandWiring.Create(linked, alerts, new GatewayEngine(sp.GetRequiredService<ControlBoard>(), sp.GetRequiredService<OrderDesk>(),
                            sp.GetRequiredService<GatewayJournal>(), ActionWait), logger)!,
                        sp.GetRequiredService<ILogger<TelegramBotService>>()));
                }
            });
            // Said once every listener is up (bots, admin socket, bot channel), so whoever waits for it can connect.
            app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
                $"Gateway serving {string.Join(", ", gatewayConfig.BotNames)} on {gatewayConfig.ListenAddress} ({(modeWord == "live" ? "LIVE" : "paper")}), " +
                $"forwarding to {gatewayConfig.BaseUrl.GetLeftPart(UriPartial.Authority)} with {credentials}; admin socket {gatewayConfig.AdminSocketPath}; " +
                $"bot channel {new ChannelOptions().Address}; " +
                $"Telegram {(linked is null ? "off" : "on")}. Stop with SIGTERM or Ctrl+C."));
            try
            {
                PortInUse.Guard(gatewayConfig.ListenAddress.ToString(), "stop the program that holds it, or set another \"listen\" in the gateway config",
                    async () => { await app.StartAsync(); return true; }).GetAwaiter().GetResult();
            }
            catch
            {
                // The services that did start (audit, admin socket, bot channel) stop as on SIGTERM: their sockets go.
                app.StopAsync().GetAwaiter().GetResult();
                throw;
            }

            app.WaitForShutdown();
            outcome.ThrowIfFailed();
            return 0;
        });
        return command;
    }
}
