using System.CommandLine;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault set ITEM FIELD</c>: stores a value read from stdin or a hidden prompt, never from an argument.</summary>
internal static class VaultSetCommand
{
    public static Command Create()
    {
        var item = new Argument<string>("item") { Description = "Item name, e.g. binance" };
        var field = new Argument<string>("field") { Description = "Field name, e.g. api_key" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("set",
            "Store a secret. The value comes from stdin (all of it, one trailing newline removed: PEM keys keep their lines) " +
            "or a hidden prompt asked twice - never from the command line.")
        {
            item, field, vaultOption, keyFile,
        };
        command.SetAction(parseResult =>
        {
            var reference = VaultAccess.Reference(parseResult.GetValue(item)!, parseResult.GetValue(field)!, "changed");
            using var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            var vault = installation.Vault;
            using var value = VaultAccess.ReadValue($"Value for {reference}");
            vault.Set(reference, value);
            Console.WriteLine($"Stored {reference} ({value.Length} bytes).");
            return 0;
        });
        return command;
    }
}
