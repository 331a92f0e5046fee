using System.CommandLine;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.User;

/// <summary><c>user role NAME ROLE</c>.</summary>
internal static class UserRoleCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Account name" };
        var role = new Argument<string>("role") { Description = "viewer, trader or admin" };
        var command = new Command("role", "Change an account's role (needs an admin session).") { name, role };
        command.SetAction(parseResult =>
        {
            using var installation = IdentityAccess.OpenUnattended(parseResult);
            var identity = IdentityAccess.Open(installation, useVault: false);
            var account = identity.Accounts.SetRole(IdentityAccess.SessionAccount(identity), parseResult.GetValue(name)!,
                IdentityAccess.ParseRole(parseResult.GetValue(role)!));
            Console.WriteLine($"{account.Name} is now {IdentityAccess.Lower(account.Role)}");
            return 0;
        });
        return command;
    }
}
