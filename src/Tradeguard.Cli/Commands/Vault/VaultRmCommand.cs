using System.CommandLine;
using Tradeguard.Core.Errors;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault rm ITEM FIELD</c>: deletes one entry.</summary>
internal static class VaultRmCommand
{
    public static Command Create()
    {
        var item = new Argument<string>("item") { Description = "Item name" };
        var field = new Argument<string>("field") { Description = "Field name" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("rm", "Delete one entry (the previous file is kept as PATH.bak).") { item, field, vaultOption, keyFile };
        command.SetAction(parseResult =>
        {
            var reference = VaultAccess.Reference(parseResult.GetValue(item)!, parseResult.GetValue(field)!, "removed");
            using var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            var vault = installation.Vault;
            if (!vault.Remove(reference))
            {
                throw new TradeguardException(ExitCode.Configuration, $"no entry {reference} in vault {vault.Path}; nothing was removed.");
            }

            Console.WriteLine($"Removed {reference}.");
            return 0;
        });
        return command;
    }
}
