using System.CommandLine;

namespace Tradeguard.Cli.Commands.User;

/// <summary><c>user add|list|disable|enable|passwd|role|2fa</c>.</summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var command = new Command("user",
            "Manage operator accounts (roles viewer, trader, admin). Changes need an admin session in " +
            $"${IdentityAccess.SessionVariable} (from 'tradeguard login'), except adding the very first account, which must be an admin.");
        command.Subcommands.Add(UserAddCommand.Create());
        command.Subcommands.Add(UserListCommand.Create());
        command.Subcommands.Add(UserStateCommand.Create(disable: true));
        command.Subcommands.Add(UserStateCommand.Create(disable: false));
        command.Subcommands.Add(UserPasswdCommand.Create());
        command.Subcommands.Add(UserRoleCommand.Create());
        command.Subcommands.Add(UserTwoFactorCommand.Create());
        return command;
    }
}
