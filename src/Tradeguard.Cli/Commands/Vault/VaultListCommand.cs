using System.CommandLine;
using System.Globalization;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault list</c>: items, fields and update times; never values.</summary>
internal static class VaultListCommand
{
    public static Command Create()
    {
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("list", "List items, fields and when each was last updated (UTC); no values.")
        {
            vaultOption, keyFile,
        };
        command.SetAction(parseResult =>
        {
            using var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            var vault = installation.Vault;
            var entries = vault.Entries();
            if (entries.Count == 0)
            {
                Console.WriteLine($"Vault {vault.Path} is empty. Add a secret with: tradeguard vault set ITEM FIELD");
                return 0;
            }

            var itemWidth = Math.Max(4, entries.Max(e => e.Reference.Item.Length));
            var fieldWidth = Math.Max(5, entries.Max(e => e.Reference.Field.Length));
            Console.WriteLine($"{"ITEM".PadRight(itemWidth)}  {"FIELD".PadRight(fieldWidth)}  UPDATED (UTC)");
            foreach (var e in entries)
            {
                Console.WriteLine($"{e.Reference.Item.PadRight(itemWidth)}  {e.Reference.Field.PadRight(fieldWidth)}  " +
                    e.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            }

            return 0;
        });
        return command;
    }
}
