using System.CommandLine;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Composition;
using Tradeguard.Cli.Hosting;
using Tradeguard.Cli.Input;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Telegram;
using Tradeguard.Telegram.Bot;
using Tradeguard.Telegram.Ports;
using Tradeguard.Telegram.Webhook;

namespace Tradeguard.Cli.Commands.Telegram;

/// <summary><c>tradeguard telegram serve [--webhook]</c>: runs the command bot and the alert dispatcher.</summary>
internal static class TelegramServeCommand
{
    /// <summary>What the bot steers and whom it asks: wired by the composition root (Identity and the engine).</summary>
    /// <param name="Operators">Accounts and roles.</param>
    /// <param name="Totp">TOTP check with replay rejection.</param>
    /// <param name="Engine">The running engine.</param>
    public sealed record BotPorts(IOperatorDirectory Operators, ITotpVerifier Totp, IEngineControl Engine);

    /// <summary>Builds the ports in the installation (vault open, audit log attached).</summary>
    public delegate BotPorts PortsFactory(Installation installation);

    public static Command Create(PortsFactory? ports)
    {
        var config = new AlertsConfigOption(acceptLegacyConfig: true);
        var webhook = new Option<bool>("--webhook") { Description = "Receive updates on a loopback HTTP endpoint (behind your TLS proxy) instead of long polling" };
        var allowPublic = new Option<bool>("--allow-public-listen") { Description = "Let the webhook endpoint listen on a non-loopback address" };
        var verbose = new Option<bool>("--verbose") { Description = "Debug logging (Bot API method names, never URLs or tokens)" };
        var vault = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("serve", "Run the Telegram command bot (long polling, or --webhook) and send queued alerts, until Ctrl-C.")
        {
            webhook, allowPublic, verbose, vault, keyFile,
        };
        config.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (ports is null)
            {
                throw new TradeguardException(ExitCode.Configuration,
                    "This build has no operator accounts or engine wired to the bot: 'telegram serve' needs the Identity module " +
                    "(roles, TOTP) and a running engine. Alerts still go out with 'tradeguard alerts dispatch'.");
            }

            var logger = new StderrLogger(parseResult.GetValue(verbose) ? LogLevel.Debug : LogLevel.Information);
            var settings = config.Load(parseResult);
            var options = settings.TelegramOptions()
                ?? throw new TradeguardException(ExitCode.Configuration, "No 'telegram' section in the alert settings: see docs/telegram.md.");
            using var installation = Installation.Open(parseResult.GetValue(vault), parseResult.GetValue(keyFile), settings, logger);
            var bound = ports(installation);
            var store = TelegramCommand.OpenStore();
            using var runtime = AlertsRuntime.Start(settings, installation.Vault, installation.Log, logger,
                new TelegramRouting(options, store, bound.Operators));
            var client = runtime.Client!;
            var me = await BotAccount.FetchAsync(client, cancellationToken);
            var bot = new CommandBot(options with { BotUsername = me.Username }, store, bound.Operators, bound.Totp, bound.Engine,
                runtime.Publisher, runtime.Audit, TimeProvider.System, client, logger);
            logger.LogInformation("Bot @{Username} serving; alerts dispatching", me.Username);

            foreach (var stranded in runtime.Dispatcher.Stranded())
            {
                logger.LogWarning("{Stranded}", stranded.Summary);
            }

            var dispatching = runtime.Dispatcher.RunAsync(cancellationToken);
            try
            {
                if (parseResult.GetValue(webhook))
                {
                    await ServeWebhookAsync(client, bot, settings.Telegram!, parseResult.GetValue(allowPublic), logger, cancellationToken);
                }
                else
                {
                    await new UpdatePoller(client, store, bot, options, TimeProvider.System, logger).RunAsync(cancellationToken);
                }
            }
            finally
            {
                await dispatching;
            }

            return 0;
        });
        return command;
    }

    private static async Task ServeWebhookAsync(TelegramBotClient client, CommandBot bot, AlertsConfig.TelegramSettings settings,
        bool allowPublic, ILogger logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(settings.WebhookPublicUrl) || !settings.WebhookPublicUrl.StartsWith("https://", StringComparison.Ordinal))
        {
            throw new TradeguardException(ExitCode.Configuration,
                "Webhook mode needs telegram.webhook_public_url: the https:// address Telegram posts to (your TLS proxy in front of the endpoint).");
        }

        using var secret = WebhookEndpoint.NewSecretToken();
        var secretText = secret.Reveal();
        Redactor.Shared.Register(secretText);
        var listen = new Uri(settings.WebhookListen);
        await using var endpoint = await PortInUse.Guard(listen.Host, listen.Port,
            "stop the other process (another 'telegram serve'?) or set telegram.webhook_listen in the alert settings to a free port",
            () => WebhookEndpoint.StartAsync(listen, settings.WebhookPath, secret, bot, allowPublic, logger, cancellationToken));
        await client.SetWebhook(settings.WebhookPublicUrl, secretToken: secretText, cancellationToken: cancellationToken);
        logger.LogInformation("Webhook endpoint listening on {Address}", endpoint.Address);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
