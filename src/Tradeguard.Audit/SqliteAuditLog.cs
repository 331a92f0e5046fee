using System.Text;
using Microsoft.Data.Sqlite;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;

namespace Tradeguard.Audit;

/// <summary>
/// The installation's audit log: each <see cref="AuditEvent"/> is redacted, numbered, chained to the previous record
/// with HMAC-SHA256 under the vault-held <see cref="AuditKey"/>, and appended to SQLite (docs/audit.md).
/// </summary>
/// <remarks>
/// <para>Thread-safe. Any number of instances, in any number of processes, may append to one database: each batch
/// reads the tail inside SQLite's write lock (<c>BEGIN IMMEDIATE</c>), so the chain stays gap-free.</para>
/// <para>A batch is one transaction with <c>synchronous=FULL</c>: when <see cref="Record(IReadOnlyList{AuditEvent})"/>
/// returns, the records are on disk. After each batch the checkpoint file moves to the committed tail (a checkpoint that
/// cannot be written does not fail an append whose records are kept; it catches up later); the copy beside the vault
/// moves on <see cref="Checkpoint"/> and on <see cref="Dispose"/>. Neither is in the vault file: keeping the log never
/// rewrites the vault.</para>
/// </remarks>
public sealed class SqliteAuditLog : IAuditLog, IDisposable
{
    private readonly Lock _gate = new();
    private readonly AuditDatabase _database;
    private readonly AuditKey _key;
    private readonly AuditMac _macs;
    private readonly AuditCheckpoints _checkpoints;
    private readonly TimeProvider _time;
    private bool _disposed;

    private SqliteAuditLog(AuditDatabase database, AuditKey key, AuditCheckpoints checkpoints, TimeProvider time)
    {
        _database = database;
        _key = key;
        _macs = key.CreateMac();
        _checkpoints = checkpoints;
        _time = time;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath => _database.Path;

    /// <summary>
    /// Opens (creating if missing) the log at <paramref name="paths"/>, with the key from <paramref name="secrets"/>
    /// (created in the vault on first use).
    /// </summary>
    /// <param name="paths">Database and checkpoint file.</param>
    /// <param name="secrets">The unlocked vault.</param>
    /// <param name="time">The clock records are stamped with; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="TradeguardException">Exit 4 when the log already holds records but the vault has no audit key
    /// (a new key would leave the existing chain unverifiable), or the database is damaged; exit 5 when the database is
    /// accessible by group or others.</exception>
    public static SqliteAuditLog Open(AuditPaths paths, ISecretStore secrets, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(secrets);
        var database = AuditDatabase.OpenForWriting(paths.Database);
        try
        {
            var key = AuditKey.TryLoad(secrets) ?? CreateKey(database, paths, secrets);
            return new SqliteAuditLog(database, key, new AuditCheckpoints(paths), time ?? TimeProvider.System);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    // First use of an installation: one writer, under a lock, makes the key and marks the log with a checkpoint at
    // sequence 0, so a writer whose vault was opened before the key existed (another process) finds the mark and
    // stops, instead of making a second key that would split the chain.
    private static AuditKey CreateKey(AuditDatabase database, AuditPaths paths, ISecretStore secrets)
    {
        using var gate = FileLock.Acquire(paths.Database, TimeSpan.FromSeconds(60));
        var key = AuditKey.TryLoad(secrets);
        if (key is not null)
        {
            return key;
        }

        var (sequence, _) = database.Tail();
        if (sequence > 0)
        {
            throw new TradeguardException(
                ExitCode.IntegrityFailure,
                $"The audit log {database.Path} holds {sequence} records but the vault has no audit key at {AuditKey.Reference}. " +
                "Restore the vault from its backup: a new key would leave every existing record unverifiable.");
        }

        if (File.Exists(paths.Checkpoint))
        {
            throw new TradeguardException(
                ExitCode.IntegrityFailure,
                $"The audit checkpoint {Path.GetFullPath(paths.Checkpoint)} exists but this vault has no audit key at {AuditKey.Reference}: " +
                "another tradeguard process created the key after this vault was opened (run the command again), or the vault was replaced (restore it from its backup).");
        }

        key = AuditKey.LoadOrCreate(secrets);
        using var macs = key.CreateMac();
        AtomicFile.WriteText(paths.Checkpoint, new AuditCheckpoint(0, new byte[AuditCanonicalForm.MacLength]).Serialize(macs));
        return key;
    }

    /// <summary>Opens the installation's log (<see cref="AuditPaths.ForInstallation"/>); see <see cref="Open"/>.</summary>
    public static SqliteAuditLog OpenForInstallation(ISecretStore secrets, TimeProvider? time = null) =>
        Open(AuditPaths.ForInstallation(), secrets, time);

    /// <summary>Appends one record durably.</summary>
    /// <exception cref="ArgumentException">Actor or action is empty, or the outcome is not defined.</exception>
    /// <exception cref="TradeguardException">Exit 5 when the database cannot be written (disk full, read-only).</exception>
    public void Record(AuditEvent auditEvent) => Record([auditEvent]);

    /// <summary>
    /// Appends <paramref name="events"/> in one transaction (all or none), in order, and returns the sequence of the
    /// last one (0 for an empty batch). The fast path: one disk sync per batch instead of per record.
    /// </summary>
    /// <exception cref="ArgumentException">An event has an empty actor or action, or an undefined outcome.</exception>
    /// <exception cref="TradeguardException">Exit 5 when the database cannot be written.</exception>
    public long Record(IReadOnlyList<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        var prepared = new (StoredRow Row, IReadOnlyList<KeyValuePair<string, string>> Details)[events.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            prepared[i] = Prepare(events[i], AuditTime.ToMicros(_time.GetUtcNow()));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long last;
            try
            {
                last = Append(prepared);
            }
            catch (SqliteException e)
            {
                throw new TradeguardException(
                    ExitCode.Configuration,
                    $"Cannot append to the audit log {_database.Path}: {e.Message}. Check free disk space and that the file is writable.",
                    e);
            }

            try
            {
                _checkpoints.Advance(_database, _macs, includeVault: false);
            }
            catch (Exception e) when (e is TradeguardException or IOException or SqliteException)
            {
                // The records are committed: failing now would invite a retry that duplicates them. The checkpoint
                // catches up on the next batch or on Dispose.
            }

            return last;
        }
    }

    /// <inheritdoc cref="Record(IReadOnlyList{AuditEvent})"/>
    void IAuditLog.RecordAll(IReadOnlyList<AuditEvent> events) => Record(events);

    /// <summary>Moves both checkpoint files (beside the log and beside the vault) to the last committed record.</summary>
    /// <exception cref="TradeguardException">Exit 5 when a checkpoint file cannot be written.</exception>
    public void Checkpoint()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _checkpoints.Advance(_database, _macs, includeVault: true);
        }
    }

    /// <summary>Moves the copy beside the vault as well, then closes the database and zeroes the key.</summary>
    /// <remarks>A checkpoint that cannot be written here is skipped, not thrown: the records themselves are already
    /// on disk and the file checkpoint is current.</remarks>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                _checkpoints.Advance(_database, _macs, includeVault: true);
            }
            catch (Exception e) when (e is TradeguardException or IOException or SqliteException)
            {
                // Dispose must not throw; verify still compares against the file checkpoint.
            }

            _disposed = true;
            _macs.Dispose();
            _key.Dispose();
            _database.Dispose();
        }
    }

    private long Append((StoredRow Row, IReadOnlyList<KeyValuePair<string, string>> Details)[] records)
    {
        using var transaction = _database.BeginAppend();
        var (sequence, previous) = _database.Tail(transaction);
        foreach (var (row, details) in records)
        {
            var mac = new byte[AuditCanonicalForm.MacLength];
            sequence++;
            _macs.ComputeRecord(sequence, row.TimeMicros, row.Actor, row.Action, row.Target, row.Outcome, row.Reason,
                details, previous, mac);
            _database.Insert(transaction, row with { Sequence = sequence, Mac = mac });
            previous = mac;
        }

        transaction.Commit();
        return sequence;
    }

    private static (StoredRow Row, IReadOnlyList<KeyValuePair<string, string>> Details) Prepare(AuditEvent e, long timeMicros)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentException.ThrowIfNullOrWhiteSpace(e.Actor, nameof(e.Actor));
        ArgumentException.ThrowIfNullOrWhiteSpace(e.Action, nameof(e.Action));
        var target = e.Target ?? string.Empty;
        var reason = e.Reason ?? string.Empty;
        var pairs = e.Details is { Count: > 0 } given ? given.ToArray() : [];
        // One scan of the whole record decides whether any field needs masking, instead of one scan per field: a
        // secret or token inside a field is also found in the fields joined by '\n'.
        var joined = new StringBuilder(e.Actor).Append('\n').Append(e.Action).Append('\n').Append(target).Append('\n').Append(reason);
        foreach (var (key, value) in pairs)
        {
            joined.Append('\n').Append(key).Append('\n').Append(value);
        }

        Func<string, string> clean = Redactor.Shared.ContainsSecret(joined.ToString()) ? Redactor.Shared.Redact : text => text;
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new(clean(pairs[i].Key), clean(pairs[i].Value));
        }

        Array.Sort(pairs, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        IReadOnlyList<KeyValuePair<string, string>> details = pairs.Length == 0 ? AuditDetails.None : pairs;
        var row = new StoredRow(
            0,
            timeMicros,
            clean(e.Actor),
            clean(e.Action),
            clean(target),
            AuditOutcomes.ToText(e.Outcome),
            clean(reason),
            AuditDetails.ToJson(details),
            []);
        return (row, details);
    }
}
