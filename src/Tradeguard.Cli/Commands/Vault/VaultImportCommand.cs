using System.CommandLine;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Storage;
using Tradeguard.Vault.Import;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault import FILE</c>: moves a .env or config.ini into the vault, then offers to delete the plaintext.</summary>
internal static class VaultImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = ".env (python-dotenv rules) or config.ini (configparser rules)" };
        var format = new Option<string?>("--format") { Description = "env or ini (default: .ini/.cfg/.conf are ini, anything else env)" };
        var item = new Option<string>("--item") { Description = "Item that .env keys go into", DefaultValueFactory = _ => "env" };
        var replace = new Option<bool>("--replace") { Description = "Overwrite entries that already hold a different value (without it, such an import is refused and nothing is stored)" };
        var delete = new Option<bool>("--delete") { Description = "After importing, overwrite and delete the file without asking" };
        var keep = new Option<bool>("--keep") { Description = "Keep the file without asking" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show where each key would go; store nothing" };
        var map = new Option<string[]>("--map")
        {
            Description = "KEY=item/field: store this key there instead (repeatable), e.g. --map BINANCE_API_KEY=binance/api_key; " +
                          "KEY=field keeps the --item; an ini key is section.key",
            AllowMultipleArgumentsPerToken = false,
        };
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("import",
            "Import every key of a .env file (into item 'env', or --item) or of a config.ini (each section an item). " +
            "Files the Python libraries reject are rejected with the line number, and nothing is imported.")
        {
            file, format, item, map, replace, delete, keep, dryRun, vaultOption, keyFile,
        };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            var chosen = parseResult.GetValue(format) switch
            {
                null => (ImportFormat?)null,
                "env" or "dotenv" => ImportFormat.Dotenv,
                "ini" => ImportFormat.Ini,
                var other => throw new TradeguardException(ExitCode.Usage, $"--format '{other}': use env or ini."),
            };
            if (parseResult.GetValue(delete) && parseResult.GetValue(keep))
            {
                throw new TradeguardException(ExitCode.Usage, "--delete and --keep exclude each other.");
            }

            var exposed = PrivateFile.IsExposed(path);
            var itemName = parseResult.GetValue(item)!;
            var plan = PlaintextImporter.Plan(path, chosen, itemName, map: ImportMap.Parse(parseResult.GetValue(map) ?? [], itemName));
            foreach (var v in plan.Values)
            {
                Console.WriteLine($"  {v.Origin,-32} -> {v.Reference}");
            }

            foreach (var note in plan.Notes)
            {
                Console.WriteLine($"  note: {note}");
            }

            if (parseResult.GetValue(dryRun))
            {
                Console.WriteLine($"Dry run: {plan.Values.Count} value(s) would be imported from {path}; nothing was stored.");
                return 0;
            }

            using (var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile)))
            {
                var vault = installation.Vault;
                var replaced = PlaintextImporter.Apply(plan, vault, path, parseResult.GetValue(replace));
                if (replaced.Count > 0)
                {
                    Console.WriteLine($"Replaced the earlier value of {string.Join(", ", replaced)} (the previous vault is in {vault.BackupPath}).");
                }

                Console.WriteLine($"Imported {plan.Values.Count} value(s) from {path} ({(plan.Format == ImportFormat.Ini ? "configparser" : "python-dotenv")} rules) into {vault.Path}.");
            }

            if (exposed)
            {
                Console.WriteLine($"warning: {path} was readable by group or others; treat these secrets as exposed and rotate them at the exchange.");
            }

            if (ShouldDelete(path, parseResult.GetValue(delete), parseResult.GetValue(keep)))
            {
                PlaintextFile.Shred(path);
                Console.WriteLine($"Overwrote and deleted {path}.");
            }
            else
            {
                Console.WriteLine($"Kept {path}: it still holds the secrets in clear. Delete it once your bot reads them from the vault: " +
                    $"shred -u {PrivateFile.QuoteForShell(path)}");
            }

            var tracked = PlaintextFile.TrackedByGit(path);
            if (tracked.Count > 0)
            {
                Console.WriteLine("Reminder: git still tracks these files, and their history keeps every secret ever committed:");
                foreach (var t in tracked)
                {
                    Console.WriteLine($"  {t}   (git rm --cached {PrivateFile.QuoteForShell(t)}; add it to .gitignore; rotate the keys)");
                }
            }

            return 0;
        });
        return command;
    }

    private static bool ShouldDelete(string path, bool delete, bool keep)
    {
        if (delete || keep)
        {
            return delete;
        }

        if (Console.IsInputRedirected)
        {
            return false;
        }

        Console.Error.Write($"Delete the plaintext {path} now (overwrite, then unlink)? [y/N] ");
        return Console.ReadLine()?.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
