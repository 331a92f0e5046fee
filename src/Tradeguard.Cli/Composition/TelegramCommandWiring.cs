using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Core.Errors;
using Tradeguard.Telegram.Bot;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Cli.Composition;

/// <summary>The Telegram command bot of a service (<c>exchange serve</c>, <c>gateway serve</c>) wired to its engine port, when Telegram is linked.</summary>
internal static class TelegramCommandWiring
{
    /// <summary>The long-polling bot steering <paramref name="engine"/>, or null when Telegram is not configured.</summary>
    /// <exception cref="TradeguardException">Exit 6 when Telegram cannot be reached or refuses the token.</exception>
    public static UpdatePoller? Create(TelegramLinkCheck.Linked? linked, AlertsRuntime alerts, IEngineControl engine, ILogger logger)
    {
        if (linked is null)
        {
            return null;
        }

        var me = BotAccount.FetchAsync(alerts.Client!).GetAwaiter().GetResult();
        var commandBot = new CommandBot(linked.Options with { BotUsername = me.Username }, linked.Store, linked.Operators,
            new IdentityTotpVerifier(linked.Identity), engine, alerts.Publisher, alerts.Audit, TimeProvider.System, alerts.Client, logger);
        return new UpdatePoller(alerts.Client!, linked.Store, commandBot, linked.Options, TimeProvider.System, logger);
    }
}
