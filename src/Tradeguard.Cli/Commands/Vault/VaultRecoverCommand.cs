using System.CommandLine;
using Tradeguard.Audit;
using Tradeguard.Cli.Composition;
using Tradeguard.Vault;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault recover</c>: repairs a damaged vault from its intact entries and the last good backup.</summary>
internal static class VaultRecoverCommand
{
    public static Command Create()
    {
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var fromBackup = new Option<bool>("--from-backup")
        {
            Description = "Undo the last change (rm, set, import, rotate…): the vault and PATH.bak change places, so running it again redoes it",
        };
        var command = new Command("recover",
            "Repair a damaged vault: keep the intact entries, take damaged ones from PATH.bak when it has them, or restore " +
            "PATH.bak whole when the header is damaged. The damaged file is kept as PATH.damaged-<time>. " +
            "With --from-backup, go back to the state before the last change.")
        {
            vaultOption, keyFile, fromBackup,
        };
        command.SetAction(parseResult =>
        {
            var path = VaultAccess.ResolvePath(parseResult.GetValue(vaultOption));
            using var credential = VaultAccess.ReadCredential(parseResult.GetValue(keyFile));
            // The audit key is in the vault being repaired: the recovery's records wait until the repaired vault opens.
            var deferred = new DeferredAuditLog();
            var options = VaultAccess.Options(deferred);
            var result = parseResult.GetValue(fromBackup)
                ? VaultRecovery.RestoreFromBackup(path, credential, options)
                : VaultRecovery.Recover(path, credential, options);
            Print(path, result);
            using var installation = Installation.Around(VaultStore.Open(path, credential, options), deferred);
            return 0;
        });
        return command;
    }

    private static void Print(string path, VaultRecoveryResult result)
    {
        switch (result.Action)
        {
            case VaultRecoveryAction.NothingToDo:
                Console.WriteLine($"Vault {path} is intact; nothing to recover.");
                break;
            case VaultRecoveryAction.SwappedWithBackup:
                Console.WriteLine($"Restored {path} to the state before its last change; that change is now in {VaultStore.BackupPathFor(path)} " +
                    "(run 'tradeguard vault recover --from-backup' again to redo it).");
                break;
            case VaultRecoveryAction.RestoredBackup:
                Console.WriteLine($"Restored {path} from its backup; changes after the backup are lost. Damaged file kept as {result.DamagedCopy}.");
                break;
            default:
                Console.WriteLine($"Repaired {path}; damaged file kept as {result.DamagedCopy}.");
                foreach (var name in result.Restored)
                {
                    Console.WriteLine($"  restored older value from backup: {name}");
                }

                foreach (var name in result.Lost)
                {
                    Console.WriteLine($"  LOST (no intact copy anywhere): {name}; set it again");
                }

                break;
        }
    }
}
