using System.CommandLine;

namespace Tradeguard.Cli.Commands.Password;

/// <summary><c>password check|generate|hash|verify</c>.</summary>
internal static class PasswordCommand
{
    public static Command Create()
    {
        var command = new Command("password",
            "Check a password against the policy, generate one, or hash and verify passwords (Argon2id, bcrypt, " +
            "passlib's bcrypt-sha256 and pbkdf2-sha256, ASP.NET Identity). Passwords are read from " +
            "$TRADEGUARD_PASSWORD, standard input or a hidden prompt, never from the command line.");
        command.Subcommands.Add(PasswordCheckCommand.Create());
        command.Subcommands.Add(PasswordGenerateCommand.Create());
        command.Subcommands.Add(PasswordHashCommand.Create());
        command.Subcommands.Add(PasswordVerifyCommand.Create());
        return command;
    }
}
