using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Tradeguard.Alerts;
using Tradeguard.Alerts.Channels;
using Tradeguard.Alerts.Dispatch;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Alerts.Security;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;
using Tradeguard.Telegram;

namespace Tradeguard.Cli.Commands.Alerts;

/// <summary>
/// The alert pipeline as the CLI runs it: outbox in the Tradeguard home, console and (when configured) Telegram
/// channels, publisher and dispatcher, security events from the audit log raised as alerts.
/// </summary>
internal sealed class AlertsRuntime : IDisposable
{
    public const string OutboxFileName = "outbox.db";

    private AlertsRuntime(OutboxStore outbox, TelegramBotClient? client, AlertDispatcher dispatcher, AlertPublisher publisher,
        IAuditLog audit, IAlertRouting routing)
    {
        Routing = routing;
        Outbox = outbox;
        Client = client;
        Dispatcher = dispatcher;
        Publisher = publisher;
        Audit = audit;
    }

    public OutboxStore Outbox { get; }

    public TelegramBotClient? Client { get; }

    public AlertDispatcher Dispatcher { get; }

    public AlertPublisher Publisher { get; }

    /// <summary>Who receives which alert (console, the configured Telegram chats).</summary>
    public IAlertRouting Routing { get; }

    /// <summary>The audit log to hand to other modules: records go to <c>inner</c>, security ones also become alerts.</summary>
    public IAuditLog Audit { get; }

    public static OutboxStore OpenOutbox() => OutboxStore.Open(TradeguardHome.File(OutboxFileName));

    /// <summary>Builds the pipeline; <paramref name="vault"/> (the installation's, opened by the caller) supplies the bot
    /// token when Telegram is configured and <paramref name="delivers"/> is true.</summary>
    /// <param name="delivers">True for a command that sends alerts (dispatch, serve, run): the Telegram client is built
    /// and the token must exist. False for a one-shot command: its alerts are only queued for the configured chats and
    /// the next dispatcher sends them, so storing the bot token itself works once Telegram is configured.</param>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 when a delivering pipeline has Telegram configured and
    /// no vault is open or the vault has no bot token.</exception>
    public static AlertsRuntime Start(AlertsConfig config, ISecretStore? vault, IAuditLog inner, ILogger logger,
        IAlertRouting? telegramRouting = null, bool delivers = true)
    {
        var outbox = OpenOutbox();
        // Security alerts a killed process committed but never released (SecurityAlertingAuditLog.Record).
        SecurityAlertingAuditLog.RecoverHeld(outbox);
        var channels = new List<IAlertChannel>();
        var recipients = new List<AlertRecipient>();
        if (config.Console)
        {
            channels.Add(new ConsoleChannel());
            recipients.Add(new AlertRecipient(ConsoleChannel.ChannelName, "stdout"));
        }

        TelegramBotClient? client = null;
        var telegram = config.TelegramOptions();
        if (telegram is not null && delivers)
        {
            if (vault is null)
            {
                throw new Core.Errors.TradeguardException(Core.Errors.ExitCode.Configuration,
                    $"Telegram alerts need the bot token from the vault, and there is no vault at {VaultAccess.ResolvePath(null)}: " +
                    "create one with 'tradeguard vault init' and store the token with 'tradeguard vault set telegram bot_token'.");
            }

            client = TelegramClientFactory.Create(telegram, vault, logger);
            channels.Add(new TelegramChannel(client, logger));
        }

        AlertPublisher? publisher = null;
        var audit = new SecurityAlertingAuditLog(inner, () => publisher);
        IAlertRouting routing = new Composition.InstallationRouting(recipients, telegram is null ? null
            : telegramRouting is not null ? () => telegramRouting
            : () => new TelegramRouting(telegram, Telegram.TelegramCommand.OpenStore(), new Composition.IdentityOperatorDirectory(
                Tradeguard.Identity.IdentityServices.Open(Tradeguard.Identity.IdentityOptions.FromEnvironment(), null, NullAuditLog.Instance, TimeProvider.System))));
        publisher = new AlertPublisher(outbox, config.Policy(), routing, channels, audit, folder: config.RepeatFolder());
        var dispatcher = new AlertDispatcher(outbox, channels, audit, config.DispatchOptions(), TimeProvider.System, logger);
        publisher.Enqueued += dispatcher.Wake;
        if (!delivers)
        {
            // No dispatcher loop runs in a one-shot command: its console alerts are printed here and now.
            publisher.Enqueued += () => PrintHere(dispatcher);
        }
        return new AlertsRuntime(outbox, client, dispatcher, publisher, audit, routing);
    }

    /// <summary>
    /// Sends what is due until nothing this dispatcher can deliver is pending, honouring the dispatcher's rate limits and
    /// retry times, or until <paramref name="timeout"/> passes. Alerts for channels not configured here are not waited on.
    /// Whatever is left stays queued, never lost; the result says what and why.
    /// </summary>
    public async Task<DrainResult> DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A drain ends the process's alerting: the tallies of repeats folded so far go out with it.
        Publisher.FlushRepeats();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var pass = await Dispatcher.DispatchDueAsync(cancellationToken);
            var left = deadline - DateTimeOffset.UtcNow;
            if (pass.Deliverable == 0 || left <= TimeSpan.Zero)
            {
                return new DrainResult(pass.Deliverable, pass.Stranded);
            }

            var wait = pass.NextDueAt is { } due ? due - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1);
            wait = wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait > TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : wait;
            await Task.Delay(wait < left ? wait : left, cancellationToken);
        }
    }

    /// <summary>What is queued right now, without sending (e.g. when a flush was cut short).</summary>
    public DrainResult Queued()
    {
        var stranded = Dispatcher.Stranded();
        return new DrainResult(Dispatcher.Pending() - stranded.Sum(s => s.Count), stranded);
    }

    public void Dispose()
    {
        Publisher.FlushRepeats(); // queued for the next dispatcher when this one never drained
        Dispatcher.Dispose();
    }

    [ThreadStatic]
    private static bool t_printing;

    // Only the console channel is in a non-delivering dispatcher, and it never waits; re-entry (an alert raised while
    // printing) is left to the pass already running.
    private static void PrintHere(AlertDispatcher dispatcher)
    {
        if (t_printing)
        {
            return;
        }

        t_printing = true;
        try
        {
            dispatcher.DispatchDueAsync().GetAwaiter().GetResult();
        }
        finally
        {
            t_printing = false;
        }
    }
}
