using System.CommandLine;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Input;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.User;

/// <summary><c>user passwd NAME</c>: by the account itself (current password) or by an admin session.</summary>
internal static class UserPasswdCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Account name" };
        var noVault = IdentityAccess.CreateNoVaultOption();
        var vaultOption = VaultAccess.CreateVaultOption();
        var command = new Command("passwd",
            $"Change a password. Without an admin session in ${IdentityAccess.SessionVariable}, the current password is " +
            $"asked first (${IdentityAccess.PasswordVariable}, stdin or prompt); then the new one (${IdentityAccess.NewPasswordVariable}, " +
            "stdin or prompt twice). The policy applies, including the last 5 passwords; all sessions of the account end.")
        {
            name, noVault, vaultOption,
        };
        command.SetAction(parseResult =>
        {
            var (installation, identity) = IdentityAccess.OpenForPasswordChange(parseResult, noVault, vaultOption);
            using var _ = installation;
            var target = parseResult.GetValue(name)!;
            var actor = IdentityAccess.SessionAccount(identity);
            if (actor is null)
            {
                using var current = SecretInput.Read("Current password", IdentityAccess.PasswordVariable);
                actor = identity.Login.Reauthenticate(target, current);
            }

            using var password = SecretInput.Read("New password", IdentityAccess.NewPasswordVariable, confirm: true);
            identity.Accounts.ChangePassword(actor, target, password);
            Console.WriteLine($"password of {target.Trim().ToLowerInvariant()} changed; its sessions have ended");
            return 0;
        });
        return command;
    }
}
