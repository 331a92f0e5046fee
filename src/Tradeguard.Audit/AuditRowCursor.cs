using SQLitePCL;
using Tradeguard.Core.Errors;

namespace Tradeguard.Audit;

/// <summary>
/// A forward-only pass over every record with the columns as SQLite's own bytes (text as stored UTF-8), so the
/// verifier builds each canonical form without decoding and re-encoding strings: what keeps a million-record verify
/// within seconds.
/// </summary>
/// <remarks>Spans returned are valid until the next <see cref="Next"/>. Columns: 0 seq, 1 time_us, 2 actor,
/// 3 action, 4 target, 5 outcome, 6 reason, 7 details, 8 mac.</remarks>
internal sealed class AuditRowCursor : IDisposable
{
    private readonly string _path;
    private readonly sqlite3_stmt _statement;

    public AuditRowCursor(sqlite3 connection, string path)
    {
        _path = path;
        var rc = raw.sqlite3_prepare_v2(connection,
            "SELECT seq, time_us, actor, action, target, outcome, reason, details, mac FROM audit_record ORDER BY seq",
            out _statement);
        if (rc != raw.SQLITE_OK)
        {
            _statement.Dispose();
            throw Unreadable(connection);
        }
    }

    /// <summary>Moves to the next record; false after the last.</summary>
    /// <exception cref="TradeguardException">Exit 4 when SQLite reports the file damaged.</exception>
    public bool Next()
    {
        var rc = raw.sqlite3_step(_statement);
        return rc switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw Unreadable(raw.sqlite3_db_handle(_statement)),
        };
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private TradeguardException Unreadable(sqlite3 connection) => new(
        ExitCode.IntegrityFailure,
        $"Cannot read the audit log {_path}: {raw.sqlite3_errmsg(connection).utf8_to_string()}. Restore it from a backup.");
}
