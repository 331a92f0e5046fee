using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Storage;

namespace Tradeguard.Vault;

/// <summary>What <see cref="VaultRecovery.Recover"/> did.</summary>
/// <param name="Action">What was done: nothing, entries repaired in place, or the backup restored whole.</param>
/// <param name="Restored">Damaged entries whose older intact value came back from the backup (<c>item/field</c>).</param>
/// <param name="Lost">Damaged entries that no backup held intact and that were dropped.</param>
/// <param name="DamagedCopy">Where the damaged file was kept, or null when nothing was changed.</param>
public sealed record VaultRecoveryResult(VaultRecoveryAction Action, IReadOnlyList<string> Restored, IReadOnlyList<string> Lost, string? DamagedCopy);

/// <summary>The kinds of recovery.</summary>
public enum VaultRecoveryAction
{
    /// <summary>Every entry was intact; nothing was changed.</summary>
    NothingToDo,

    /// <summary>The header was intact: intact entries kept, damaged ones taken from the backup where it had them.</summary>
    RepairedEntries,

    /// <summary>The header was damaged: the last good backup replaced the file.</summary>
    RestoredBackup,
}

/// <summary>
/// <c>vault recover</c>: repairs a damaged vault from what is intact in it and in <c>PATH.bak</c>, keeping the damaged
/// file beside it as <c>PATH.damaged-yyyyMMddTHHmmssZ</c> so nothing is ever thrown away.
/// </summary>
public static class VaultRecovery
{
    /// <summary>Recovers the vault at <paramref name="path"/>.</summary>
    /// <exception cref="TradeguardException">
    /// Exit 3 for a wrong credential; exit 4 when the header is damaged and there is no intact backup.
    /// </exception>
    public static VaultRecoveryResult Recover(string path, VaultCredential credential, VaultOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        options ??= VaultOptions.Default;
        var full = Path.GetFullPath(path);
        Vault current;
        try
        {
            current = Vault.Open(full, credential, options);
        }
        catch (TradeguardException e) when (e.ExitCode == ExitCode.IntegrityFailure)
        {
            return RestoreBackup(full, credential, options);
        }

        using (current)
        {
            var damaged = current.DamagedEntryNames();
            if (damaged.Count == 0)
            {
                return new VaultRecoveryResult(VaultRecoveryAction.NothingToDo, [], [], null);
            }

            var intact = current.IntactEntries();
            var fromBackup = new List<(Format.EntryRecord Entry, Core.Secrets.Secret Value)>();
            using (var backup = TryOpenBackup(full, credential, options))
            {
                foreach (var x in backup?.IntactEntries() ?? [])
                {
                    if (damaged.Contains(x.Entry.Name))
                    {
                        fromBackup.Add(x);
                    }
                    else
                    {
                        x.Value.Dispose();
                    }
                }
            }

            try
            {
                var copy = KeepDamagedCopy(full);
                current.ReplaceEntries(intact.Concat(fromBackup).ToList());
                var restored = fromBackup.Select(x => x.Entry.Name).ToList();
                var lost = damaged.Except(restored).ToList();
                Record(options, full, "repaired entries", restored, lost);
                return new VaultRecoveryResult(VaultRecoveryAction.RepairedEntries, restored, lost, copy);
            }
            finally
            {
                foreach (var (_, value) in intact.Concat(fromBackup))
                {
                    value.Dispose();
                }
            }
        }
    }

    private static VaultRecoveryResult RestoreBackup(string path, VaultCredential credential, VaultOptions options)
    {
        var backupPath = Vault.BackupPathFor(path);
        using var backup = TryOpenBackup(path, credential, options)
            ?? throw VaultErrors.Damaged(path, $"its header is unreadable and there is no intact backup at {backupPath} to restore");
        if (backup.DamagedEntryNames().Count > 0)
        {
            throw VaultErrors.Damaged(path, $"its header is unreadable and the backup {backupPath} is damaged too");
        }

        using var fileLock = FileLock.Acquire(path, options.LockTimeout);
        var copy = KeepDamagedCopy(path);
        AtomicFile.Write(path, File.ReadAllBytes(backupPath));
        Record(options, path, "restored backup", [], []);
        return new VaultRecoveryResult(VaultRecoveryAction.RestoredBackup, [], [], copy);
    }

    private static Vault? TryOpenBackup(string path, VaultCredential credential, VaultOptions options)
    {
        var backupPath = Vault.BackupPathFor(path);
        if (!File.Exists(backupPath))
        {
            return null;
        }

        try
        {
            return Vault.Open(backupPath, credential, options);
        }
        catch (TradeguardException e) when (e.ExitCode == ExitCode.IntegrityFailure)
        {
            return null;
        }
    }

    private static string KeepDamagedCopy(string path)
    {
        var copy = $"{path}.damaged-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
        AtomicFile.Write(copy, File.ReadAllBytes(path));
        return copy;
    }

    private static void Record(VaultOptions options, string path, string what, IReadOnlyList<string> restored, IReadOnlyList<string> lost) =>
        options.Audit.Record(new AuditEvent(options.Actor, "vault.recover", path, AuditOutcome.Success, "", new Dictionary<string, string>
        {
            ["action"] = what,
            ["restored"] = string.Join(",", restored),
            ["lost"] = string.Join(",", lost),
        }));
}
