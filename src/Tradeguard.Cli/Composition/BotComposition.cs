using Tradeguard.Cli.Commands.Telegram;
using Tradeguard.Cli.Commands.User;

namespace Tradeguard.Cli.Composition;

/// <summary>What the Telegram command bot is wired to: Identity's accounts, roles and TOTP, and the engine port.</summary>
internal static class BotComposition
{
    /// <summary>The bot's ports in <paramref name="installation"/>: operators and TOTP from Identity (audited to the
    /// installation's log); the engine is <see cref="DetachedEngine"/> since <c>telegram serve</c> runs no strategy.</summary>
    public static TelegramServeCommand.BotPorts Ports(Installation installation)
    {
        var identity = IdentityAccess.Open(installation);
        return new TelegramServeCommand.BotPorts(new IdentityOperatorDirectory(identity), new IdentityTotpVerifier(identity), new DetachedEngine());
    }
}
