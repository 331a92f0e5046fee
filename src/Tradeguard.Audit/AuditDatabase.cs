using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tradeguard.Core.Errors;
using Tradeguard.Storage.Sqlite;

namespace Tradeguard.Audit;

/// <summary>
/// The SQLite file that holds the records: one append-only table in WAL mode, with triggers that refuse UPDATE and
/// DELETE. The triggers stop accidents and casual edits; the MAC chain is what detects a determined one.
/// </summary>
/// <remarks>One connection, not thread-safe: callers serialise. Processes serialise through SQLite's write lock.</remarks>
internal sealed class AuditDatabase : IDisposable
{
    /// <summary>The schema version in <c>PRAGMA user_version</c>.</summary>
    public const int SchemaVersion = 1;

    private const string Columns = "seq, time_us, actor, action, target, outcome, reason, details, mac";
    private const string What = "audit log";

    // No pool: a closed log must really release the file (tests, rotation, the checkpoint lock order). SQLite's own
    // busy handler waits up to a minute for another writer's lock (other threads and processes).
    private static readonly SqliteDatabaseOptions ConnectionOptions = new() { Pooling = false, BusyTimeout = TimeSpan.FromSeconds(60) };

    private static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS audit_record (
            seq     INTEGER PRIMARY KEY CHECK (seq > 0),
            time_us INTEGER NOT NULL,
            actor   TEXT NOT NULL,
            action  TEXT NOT NULL,
            target  TEXT NOT NULL,
            outcome TEXT NOT NULL,
            reason  TEXT NOT NULL,
            details TEXT NOT NULL,
            mac     BLOB NOT NULL CHECK (length(mac) = 32))
        """,
        "CREATE INDEX IF NOT EXISTS audit_record_time ON audit_record(time_us)",
        """
        CREATE TRIGGER IF NOT EXISTS audit_record_no_update BEFORE UPDATE ON audit_record
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS audit_record_no_delete BEFORE DELETE ON audit_record
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END
        """,
        $"PRAGMA user_version = {SchemaVersion}",
    ];

    private readonly SqliteConnection _connection;
    private sqlite3_stmt? _insert;

    private AuditDatabase(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens <paramref name="path"/> for appending, creating it (mode 0600) and its schema if missing.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the file is readable by others or was made by a newer
    /// version; exit 4 when it is not an audit database.</exception>
    public static AuditDatabase OpenForWriting(string path)
    {
        // synchronous = FULL (SqliteDatabase): a record is on disk when Record returns, even if power fails right after.
        var db = Open(SqliteDatabase.Open(path, What, ConnectionOptions));
        try
        {
            using var tx = db._connection.BeginTransaction(deferred: false);
            var version = db.UserVersion(tx);
            if (version == 0)
            {
                foreach (var statement in Schema)
                {
                    db.Execute(statement, tx);
                }
            }

            tx.Commit();
            db.CheckSchema();
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing database for reading; null when the file does not exist.</summary>
    /// <exception cref="TradeguardException">Exit 5 when readable by others or too new; exit 4 when not an audit
    /// database.</exception>
    public static AuditDatabase? OpenForReading(string path)
    {
        // ReadWrite, not ReadOnly: a WAL reader maps the -shm file and may need to create it.
        if (SqliteDatabase.OpenExisting(path, What, ConnectionOptions) is not { } file)
        {
            return null;
        }

        var db = Open(file);
        try
        {
            db.CheckSchema();
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Takes SQLite's write lock (<c>BEGIN IMMEDIATE</c>), waiting for other writers; reads inside it see
    /// the latest committed tail.</summary>
    public SqliteTransaction BeginAppend() => _connection.BeginTransaction(deferred: false);

    /// <summary>The last record's sequence and MAC: (0, 32 zero bytes) for an empty log.</summary>
    public (long Sequence, byte[] Mac) Tail(SqliteTransaction? transaction = null)
    {
        using var command = Command("SELECT seq, mac FROM audit_record ORDER BY seq DESC LIMIT 1", transaction);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
            : (0, new byte[AuditCanonicalForm.MacLength]);
    }

    /// <summary>The MAC stored for record <paramref name="sequence"/>, or null when there is no such record.</summary>
    public byte[]? MacAt(long sequence)
    {
        using var command = Command("SELECT mac FROM audit_record WHERE seq = $seq");
        command.Parameters.AddWithValue("$seq", sequence);
        return command.ExecuteScalar() as byte[];
    }

    /// <summary>Inserts one record inside <paramref name="transaction"/> (from <see cref="BeginAppend"/>).</summary>
    /// <remarks>Through SQLite's own API with one prepared statement: ADO.NET's per-call overhead was most of the cost
    /// of a batch append.</remarks>
    /// <exception cref="SqliteException">SQLite refused the row (disk full, read-only file).</exception>
    public void Insert(SqliteTransaction transaction, in StoredRow row)
    {
        _ = transaction;   // the statement runs on the connection, inside the caller's open transaction
        var handle = _connection.Handle!;
        if (_insert is null)
        {
            Check(raw.sqlite3_prepare_v2(handle,
                $"INSERT INTO audit_record ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", out var statement), handle);
            _insert = statement;
        }

        Check(raw.sqlite3_bind_int64(_insert, 1, row.Sequence), handle);
        Check(raw.sqlite3_bind_int64(_insert, 2, row.TimeMicros), handle);
        Check(raw.sqlite3_bind_text(_insert, 3, row.Actor), handle);
        Check(raw.sqlite3_bind_text(_insert, 4, row.Action), handle);
        Check(raw.sqlite3_bind_text(_insert, 5, row.Target), handle);
        Check(raw.sqlite3_bind_text(_insert, 6, row.Outcome), handle);
        Check(raw.sqlite3_bind_text(_insert, 7, row.Reason), handle);
        Check(raw.sqlite3_bind_text(_insert, 8, row.DetailsJson), handle);
        Check(raw.sqlite3_bind_blob(_insert, 9, row.Mac), handle);
        var rc = raw.sqlite3_step(_insert);
        raw.sqlite3_reset(_insert);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    /// <summary>Streams rows in sequence order, filtered by an optional SQL condition over the table's columns.</summary>
    /// <exception cref="TradeguardException">Exit 4 when a row's columns have the wrong types (the table was
    /// rebuilt by hand).</exception>
    public IEnumerable<StoredRow> Rows(string? where = null, IReadOnlyDictionary<string, object>? parameters = null)
    {
        using var command = Command($"SELECT {Columns} FROM audit_record {(where is null ? "" : "WHERE " + where)} ORDER BY seq");
        foreach (var (name, value) in parameters ?? new Dictionary<string, object>())
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadRow(reader);
        }
    }

    /// <summary>The sequence of the <paramref name="n"/>-th newest row matching <paramref name="where"/> (the oldest
    /// row when fewer match).</summary>
    public long NthNewestSequence(string? where, IReadOnlyDictionary<string, object> parameters, int n)
    {
        using var command = Command($"SELECT min(seq) FROM (SELECT seq FROM audit_record {(where is null ? "" : "WHERE " + where)} ORDER BY seq DESC LIMIT $n)");
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.Parameters.AddWithValue("$n", n);
        return command.ExecuteScalar() is long first ? first : 0;
    }

    /// <summary>A raw pass over every record in sequence order, for the verifier.</summary>
    public AuditRowCursor OpenCursor() => new(_connection.Handle!, Path);

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        _insert?.Dispose();
        _connection.Dispose();
    }

    private static void Check(int rc, sqlite3 handle)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    private static StoredRow ReadRow(SqliteDataReader reader)
    {
        var sequence = reader.IsDBNull(0) ? 0 : reader.GetInt64(0);
        try
        {
            return new StoredRow(
                sequence,
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetFieldValue<byte[]>(8));
        }
        catch (Exception e) when (e is InvalidCastException or InvalidOperationException or FormatException)
        {
            throw new TradeguardException(
                ExitCode.IntegrityFailure,
                $"Audit record {sequence} is damaged: a column is missing or of the wrong type. The table was changed by hand.",
                e);
        }
    }

    private static AuditDatabase Open(SqliteDatabase file)
    {
        try
        {
            return new AuditDatabase(file.Path, file.Connect());
        }
        catch (SqliteException e)
        {
            throw SqliteDatabase.NotADatabase(file.Path, What, e);
        }
    }

    private int UserVersion(SqliteTransaction? transaction = null)
    {
        using var command = Command("PRAGMA user_version", transaction);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void CheckSchema()
    {
        int version;
        long tables;
        try
        {
            version = UserVersion();
            using var command = Command("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_record'");
            tables = (long)command.ExecuteScalar()!;
        }
        catch (SqliteException e)
        {
            throw new TradeguardException(
                ExitCode.IntegrityFailure,
                $"{Path} is not a readable SQLite database ({e.Message}). Restore the audit log from a backup.",
                e);
        }

        if (version > SchemaVersion)
        {
            throw new TradeguardException(
                ExitCode.Configuration,
                $"Audit log {Path} has schema version {version}; this tradeguard reads up to {SchemaVersion}. Upgrade tradeguard.");
        }

        if (tables == 0)
        {
            throw new TradeguardException(
                ExitCode.IntegrityFailure,
                $"{Path} holds no audit_record table: it is not a Tradeguard audit log, or the table was dropped.");
        }
    }

    private void Execute(string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(sql, transaction);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
