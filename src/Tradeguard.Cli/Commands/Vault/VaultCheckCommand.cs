using System.CommandLine;
using System.Globalization;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault check</c>: an integrity report naming damaged entries; exit 4 when any is damaged.</summary>
internal static class VaultCheckCommand
{
    public static Command Create()
    {
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("check", "Authenticate the header and every entry; name any damaged entry (exit 4 then).")
        {
            vaultOption, keyFile,
        };
        command.SetAction(parseResult =>
        {
            using var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            var vault = installation.Vault;
            var report = vault.Check();
            Console.WriteLine($"Vault {report.Path}");
            Console.WriteLine($"  format version 1, generation {report.Generation}, saved {report.SavedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC");
            foreach (var (kind, kdf) in report.Slots)
            {
                Console.WriteLine(kdf is null ? $"  key slot: {kind.ToString().ToLowerInvariant()}" : $"  key slot: passphrase (Argon2id {kdf})");
            }

            Console.WriteLine($"  entries: {report.EntryCount}, intact: {report.EntryCount - report.DamagedEntries.Count}, damaged: {report.DamagedEntries.Count}");
            foreach (var name in report.DamagedEntries)
            {
                Console.WriteLine($"  DAMAGED: {name}");
            }

            Console.WriteLine($"  backup: {(report.BackupExists ? vault.BackupPath : "none yet (one is kept from the first change on)")}");
            if (!report.IsIntact)
            {
                Console.Error.WriteLine("error: damaged entries found; run 'tradeguard vault recover' to repair from the backup.");
                return (int)Core.Errors.ExitCode.IntegrityFailure;
            }

            Console.WriteLine("OK: header and every entry authenticate.");
            return 0;
        });
        return command;
    }
}
