using System.CommandLine;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Input;
using Tradeguard.Identity.Accounts;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.User;

/// <summary><c>user add NAME --role R [--name N] [--email E] [--no-vault]</c>.</summary>
internal static class UserAddCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Account name: 1-32 of a-z 0-9 _ . - starting with a letter" };
        var role = new Option<string>("--role") { Description = "viewer, trader or admin", DefaultValueFactory = _ => "viewer" };
        var fullName = new Option<string?>("--name") { Description = "The person's name (the password may not contain it)" };
        var email = new Option<string?>("--email") { Description = "E-mail address (likewise)" };
        var noVault = IdentityAccess.CreateNoVaultOption();
        var vaultOption = VaultAccess.CreateVaultOption();
        var command = new Command("add",
            $"Add an account. The password is read from ${IdentityAccess.NewPasswordVariable}, stdin or a hidden prompt (twice) " +
            "and must meet the password policy; exit 1 with every reason when it does not.")
        {
            name, role, fullName, email, noVault, vaultOption,
        };
        command.SetAction(parseResult =>
        {
            var (installation, identity) = IdentityAccess.OpenForPasswordChange(parseResult, noVault, vaultOption);
            using var _ = installation;
            var actor = IdentityAccess.SessionAccount(identity);
            using var password = SecretInput.Read("New password", IdentityAccess.NewPasswordVariable, confirm: true);
            var account = identity.Accounts.Add(actor, new NewAccount(parseResult.GetValue(name)!,
                IdentityAccess.ParseRole(parseResult.GetValue(role)!), parseResult.GetValue(fullName) ?? "", parseResult.GetValue(email) ?? ""), password);
            Console.WriteLine($"added {account.Name} ({IdentityAccess.Lower(account.Role)})");
            return 0;
        });
        return command;
    }
}
