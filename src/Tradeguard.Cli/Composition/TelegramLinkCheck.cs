using Tradeguard.Core.Errors;
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
