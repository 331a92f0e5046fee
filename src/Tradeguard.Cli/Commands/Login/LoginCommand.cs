using System.CommandLine;
using Tradeguard.Cli.Commands.User;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Input;
using Tradeguard.Core.Errors;
using Tradeguard.Identity.Accounts;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Login;

/// <summary><c>login NAME</c>: prints a session token once.</summary>
internal static class LoginCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Account name" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var command = new Command("login",
            $"Log in: asks the password (${IdentityAccess.PasswordVariable}, stdin or prompt) and, when 2FA is on, a code " +
            $"(${IdentityAccess.CodeVariable}, stdin or prompt; the vault is opened to read the seed). Prints a session token " +
            $"once on stdout: export it as ${IdentityAccess.SessionVariable}. Wrong credentials of any kind: exit 3, 'invalid credentials'.")
        {
            name, vaultOption,
        };
        command.SetAction(parseResult =>
        {
            var account = parseResult.GetValue(name)!;
            using var password = SecretInput.Read("Password", IdentityAccess.PasswordVariable);
            using var installation = IdentityAccess.OpenUnattended(parseResult, vaultOption);
            var result = IdentityAccess.Open(installation, useVault: false).Login.Login(account, password);
            if (result.Outcome == LoginOutcome.SecondFactorRequired)
            {
                using var opened = installation.OptionalVault is null ? IdentityAccess.OpenInstallation(parseResult, vaultOption) : null;
                using var code = SecretInput.Read("Code", IdentityAccess.CodeVariable);
                result = IdentityAccess.Open(opened ?? installation).Login.Login(account, password, code.Reveal());
            }

            if (result.Outcome != LoginOutcome.Success)
            {
                throw new TradeguardException(ExitCode.AuthenticationFailed, result.Message);
            }

            using var token = result.Session!.Value;
            using (var stdout = Console.OpenStandardOutput())
            {
                token.Use(clear => stdout.Write(clear));
                stdout.Write("\n"u8);
            }

            Console.Error.WriteLine($"logged in as {result.Session.Account}; the token expires {result.Session.ExpiresAt:yyyy-MM-dd HH:mm} UTC");
            return 0;
        });
        return command;
    }
}
