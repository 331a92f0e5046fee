using System.CommandLine;

namespace Tradeguard.Cli.Commands.User;

/// <summary>The Identity module's top-level commands: <c>password</c>, <c>user</c>, <c>login</c>, <c>logout</c>.</summary>
internal static class IdentityCommands
{
    public static List<Command> Create() =>
    [
        Password.PasswordCommand.Create(), UserCommand.Create(), Login.LoginCommand.Create(), Login.LogoutCommand.Create(),
    ];
}
