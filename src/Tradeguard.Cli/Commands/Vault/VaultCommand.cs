using System.CommandLine;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>tradeguard vault ...</c>: the encrypted credential store (docs/vault.md).</summary>
internal static class VaultCommand
{
    public static Command Create()
    {
        var vault = new Command("vault",
            "Encrypted credential vault: exchange keys, bot tokens and passwords, referenced as vault://item/field.\n" +
            "Exit codes: 3 wrong passphrase, 4 damaged vault, 5 missing or exposed file.");
        vault.Subcommands.Add(VaultInitCommand.Create());
        vault.Subcommands.Add(VaultSetCommand.Create());
        vault.Subcommands.Add(VaultGetCommand.Create());
        vault.Subcommands.Add(VaultListCommand.Create());
        vault.Subcommands.Add(VaultRmCommand.Create());
        vault.Subcommands.Add(VaultCopyCommand.Move());
        vault.Subcommands.Add(VaultCopyCommand.Copy());
        vault.Subcommands.Add(VaultPasswdCommand.Create());
        vault.Subcommands.Add(VaultRotateCommand.Create());
        vault.Subcommands.Add(VaultCheckCommand.Create());
        vault.Subcommands.Add(VaultRecoverCommand.Create());
        vault.Subcommands.Add(VaultImportCommand.Create());
        vault.Subcommands.Add(VaultAddKeyFileCommand.Create());
        return vault;
    }
}
