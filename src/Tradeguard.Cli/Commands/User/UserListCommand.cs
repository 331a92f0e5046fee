using System.CommandLine;
using Tradeguard.Identity.Accounts;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.User;

/// <summary><c>user list</c>: name, role, state, 2FA, created — for an admin session.</summary>
internal static class UserListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List accounts with their role, state and 2FA (needs an admin session).");
        command.SetAction(parseResult =>
        {
            using var installation = IdentityAccess.OpenUnattended(parseResult);
            var identity = IdentityAccess.Open(installation, useVault: false);
            Authorizer.Demand(IdentityAccess.SessionAccount(identity), Permission.ManageUsers);
            Console.WriteLine($"{"NAME",-20} {"ROLE",-7} {"STATE",-8} {"2FA",-4} CREATED (UTC)");
            foreach (var a in identity.Accounts.List())
            {
                Console.WriteLine($"{a.Name,-20} {IdentityAccess.Lower(a.Role),-7} {(a.Disabled ? "disabled" : "enabled"),-8} " +
                    $"{(a.TwoFactorEnabled ? "on" : "off"),-4} {a.CreatedAt:yyyy-MM-dd HH:mm}");
            }

            return 0;
        });
        return command;
    }
}
