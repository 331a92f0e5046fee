using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Cli.Commands.Telegram;
using Tradeguard.Cli.Commands.User;
using Tradeguard.Core.Errors;
using Tradeguard.Identity;
using Tradeguard.Core.Secrets;
using Tradeguard.Telegram;
using Tradeguard.Telegram.Linking;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Cli.Composition;

/// <summary>
/// The pre-flight check "Telegram linked if Telegram is configured": a runner whose alerts go to Telegram must have the
/// bot token in the vault and at least one Telegram user id linked to an active operator account, or nobody could
/// /pause or /stop it from the chat. Runs before any connection; each failure is exit 5 with the command that fixes it.
/// </summary>
internal static class TelegramLinkCheck
{
    /// <summary>Telegram as configured and checked: what the command bot is built from.</summary>
    public sealed record Linked(TelegramOptions Options, TelegramStore Store, IdentityServices Identity, IdentityOperatorDirectory Operators);

    /// <summary>
    /// The check every exchange pre-flight runs (<c>exchange check</c> and <c>exchange serve</c> alike): null when
    /// <paramref name="settings"/> has no telegram section, else the opened link store and operator accounts, checked.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 5 naming the fix (<see cref="Ensure"/>).</exception>
    public static Linked? EnsureConfigured(AlertsConfig settings, Installation installation)
    {
        if (settings.TelegramOptions() is not { } options)
        {
            return null;
        }

        var store = TelegramCommand.OpenStore();
        var identity = IdentityAccess.Open(installation);
        var operators = new IdentityOperatorDirectory(identity);
        Ensure(options, installation.Vault, store, operators);
        return new Linked(options, store, identity, operators);
    }

    /// <summary>Checks the token and the links; returns the active links found.</summary>
    /// <exception cref="TradeguardException">Exit 5 naming the fix.</exception>
    public static int Ensure(TelegramOptions options, ISecretStore vault, TelegramStore store, IOperatorDirectory operators)
    {
        using (var token = vault.TryGet(options.BotToken))
        {
            if (token is null)
            {
                throw new TradeguardException(ExitCode.Configuration,
                    $"Telegram is configured (the telegram section of the alert settings) but the vault has no bot token at {options.BotToken}. " +
                    $"Store the token @BotFather gave you with: tradeguard vault set {options.BotToken.Item} {options.BotToken.Field}");
            }
        }

        var links = store.Links();
        var active = links.Count(link => operators.Find(link.Operator) is { IsActive: true });
        if (active == 0)
        {
            var why = links.Count == 0
                ? "no Telegram user is linked to an operator account"
                : $"the {links.Count} linked Telegram user(s) belong to no active operator account (disabled or deleted)";
            throw new TradeguardException(ExitCode.Configuration,
                $"Telegram is configured but {why}, so nobody could /pause or /stop this runner from the chat. " +
                "Link one: run 'tradeguard telegram link <account>' (an operator account from 'tradeguard user add'), send the /link code it prints " +
                "to the bot in a private chat while 'tradeguard telegram serve' runs, then start this service again.");
        }

        return active;
    }
}
