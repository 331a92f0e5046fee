using System.CommandLine;
using Tradeguard.Cli.Commands.User;
using Tradeguard.Cli.Input;
using Tradeguard.Core.Errors;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Login;

/// <summary><c>logout</c>: revokes the session token in $TRADEGUARD_SESSION (or read from stdin).</summary>
internal static class LogoutCommand
{
    public static Command Create()
    {
        var command = new Command("logout",
            $"End a session: revokes the token in ${IdentityAccess.SessionVariable} (or read from stdin / prompt). Exit 3 when it was not live.");
        command.SetAction(parseResult =>
        {
            using var token = SecretInput.Read("Session token", IdentityAccess.SessionVariable);
            using var installation = IdentityAccess.OpenUnattended(parseResult);
            if (!IdentityAccess.Open(installation, useVault: false).Sessions.Revoke(token))
            {
                throw new TradeguardException(ExitCode.AuthenticationFailed, "That session is unknown, expired or already ended.");
            }

            Console.WriteLine("logged out");
            return 0;
        });
        return command;
    }
}
