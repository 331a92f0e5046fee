using System.CommandLine;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.User;

/// <summary><c>user disable NAME</c> (revokes its sessions) and <c>user enable NAME</c>.</summary>
internal static class UserStateCommand
{
    public static Command Create(bool disable)
    {
        var name = new Argument<string>("name") { Description = "Account name" };
        var command = new Command(disable ? "disable" : "enable",
            disable ? "Disable an account and end its sessions (needs an admin session; the last admin cannot be disabled)."
                : "Enable a disabled account (needs an admin session).")
        {
            name,
        };
        command.SetAction(parseResult =>
        {
            using var installation = IdentityAccess.OpenUnattended(parseResult);
            var identity = IdentityAccess.Open(installation, useVault: false);
            var actor = IdentityAccess.SessionAccount(identity);
            var account = disable ? identity.Accounts.Disable(actor, parseResult.GetValue(name)!)
                : identity.Accounts.Enable(actor, parseResult.GetValue(name)!);
            Console.WriteLine($"{account.Name} {(account.Disabled ? "disabled" : "enabled")}");
            return 0;
        });
        return command;
    }
}
