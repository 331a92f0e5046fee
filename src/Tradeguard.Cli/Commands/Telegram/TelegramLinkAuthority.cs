using Tradeguard.Cli.Commands.User;
using Tradeguard.Cli.Composition;
using Tradeguard.Cli.Input;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Identity.Accounts;

namespace Tradeguard.Cli.Commands.Telegram;

/// <summary>
/// Who may issue a link code for an account: a link hands the account's role to whoever holds the Telegram id, so it
/// takes that account's own session or password, or an admin session (<see cref="Permission.ManageUsers"/>). Holding
/// the vault passphrase is not enough: a viewer could otherwise link their id to root and /pause the bot.
/// </summary>
internal static class TelegramLinkAuthority
{
    /// <summary>Returns when the caller may link <paramref name="accountName"/>; the password is asked (from
    /// <c>$TRADEGUARD_PASSWORD</c>, stdin or a prompt) only when no session is set.</summary>
    /// <exception cref="TradeguardException">Exit 3 for another account's non-admin session, a wrong password or a locked account.</exception>
    public static void Demand(Installation installation, string accountName)
    {
        var identity = IdentityAccess.Open(installation, useVault: false);
        var name = AccountName.Normalize(accountName);
        if (IdentityAccess.SessionAccount(identity) is { } session)
        {
            if (Authorizer.IsAllowed(session, Permission.ManageUsers) || session.Name == name && !session.Disabled)
            {
                return;
            }

            var role = session.Disabled ? "disabled" : IdentityAccess.Lower(session.Role);
            installation.Audit.Record(new AuditEvent(session.Actor, TelegramLinkCommands.LinkCodeAction, name, AuditOutcome.Denied,
                $"session of {session.Name} ({role}) is neither {name}'s nor an admin's"));
            throw new TradeguardException(ExitCode.AuthenticationFailed,
                $"linking a Telegram id to '{name}' needs {name}'s password or an admin session; the session in ${IdentityAccess.SessionVariable} is {session.Name}'s ({role}).");
        }

        using var password = SecretInput.Read($"Password of {name}", IdentityAccess.PasswordVariable);
        identity.Login.Reauthenticate(name, password);
    }
}
