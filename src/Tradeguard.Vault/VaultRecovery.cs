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

    /// <summary>On request (<c>--from-backup</c>): the vault and its backup changed places, undoing the last change.</summary>
    SwappedWithBackup,
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
        VaultStore current;
        try
        {
            current = VaultStore.Open(full, credential, options);
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

    /// <summary>
    /// Undoes the last change (a <c>vault rm</c>, a wrong <c>set</c>): the vault and <c>PATH.bak</c> change places, so
    /// the state before the change is back and the state after it becomes the backup (running it again redoes the change).
    /// </summary>
    /// <exception cref="TradeguardException">Exit 5 when there is no backup; exit 3 when the credential opens neither;
    /// exit 4 when the backup is damaged or belongs to another vault.</exception>
    public static VaultRecoveryResult RestoreFromBackup(string path, VaultCredential credential, VaultOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        options ??= VaultOptions.Default;
        var full = Path.GetFullPath(path);
        var backupPath = VaultStore.BackupPathFor(full);
        if (!File.Exists(backupPath))
        {
            throw new TradeguardException(ExitCode.Configuration, $"vault {full} has no backup at {backupPath}: nothing was changed.");
        }

        using (var current = VaultStore.Open(full, credential, options))
        using (var backup = VaultStore.Open(backupPath, credential, options))
        {
            if (!current.VaultId.AsSpan().SequenceEqual(backup.VaultId) || backup.DamagedEntryNames().Count > 0)
            {
                throw VaultErrors.Damaged(backupPath, "it is not an intact backup of this vault, so it was not restored");
            }
        }

        using var fileLock = FileLock.Acquire(full, options.LockTimeout);
        var now = File.ReadAllBytes(full);
        AtomicFile.Write(full, File.ReadAllBytes(backupPath));
        AtomicFile.Write(backupPath, now);
        Record(options, full, "swapped with backup", [], []);
        return new VaultRecoveryResult(VaultRecoveryAction.SwappedWithBackup, [], [], null);
    }

    private static VaultRecoveryResult RestoreBackup(string path, VaultCredential credential, VaultOptions options)
    {
        var backupPath = VaultStore.BackupPathFor(path);
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

    private static VaultStore? TryOpenBackup(string path, VaultCredential credential, VaultOptions options)
    {
        var backupPath = VaultStore.BackupPathFor(path);
        if (!File.Exists(backupPath))
        {
            return null;
        }

        try
        {
            return VaultStore.Open(backupPath, credential, options);
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
