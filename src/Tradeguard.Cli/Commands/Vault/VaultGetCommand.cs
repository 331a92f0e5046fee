using System.CommandLine;
using Tradeguard.Core.Errors;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault get ITEM FIELD [--reveal]</c>: shows a value masked, or in clear with --reveal (audited).</summary>
internal static class VaultGetCommand
{
    public static Command Create()
    {
        var item = new Argument<string>("item") { Description = "Item name" };
        var field = new Argument<string>("field") { Description = "Field name" };
        var reveal = new Option<bool>("--reveal") { Description = "Print the clear value (recorded in the audit log)" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("get",
            "Show a stored value masked (first4…last4 for 16+ characters, else only its length class). " +
            "--reveal prints the clear value alone on stdout.")
        {
            item, field, reveal, vaultOption, keyFile,
        };
        command.SetAction(parseResult =>
        {
            var reference = VaultAccess.Reference(parseResult.GetValue(item)!, parseResult.GetValue(field)!, "shown");
            using var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            var vault = installation.Vault;
            var wantsClear = parseResult.GetValue(reveal);
            using var value = (wantsClear ? vault.Reveal(reference) : vault.TryGet(reference))
                ?? throw new TradeguardException(ExitCode.Configuration,
                    $"no entry {reference} in vault {vault.Path}; 'tradeguard vault list' shows what it holds.");
            if (wantsClear)
            {
                using var stdout = Console.OpenStandardOutput();
                value.Use(clear => stdout.Write(clear));
                stdout.Write("\n"u8);
            }
            else
            {
                Console.WriteLine($"{reference}  {value.Mask()}");
            }

            return 0;
        });
        return command;
    }
}
