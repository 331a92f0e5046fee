using Microsoft.Data.Sqlite;
using Tradeguard.Core.Errors;
using Tradeguard.Storage.Sqlite;

namespace Tradeguard.Identity.Accounts;

/// <summary>
/// The SQLite file (WAL, mode 0600) holding accounts, password history, login throttling, TOTP seeds (encrypted),
/// used TOTP steps, recovery-code hashes and session-token hashes. Default path: <c>$TRADEGUARD_HOME/identity.db</c>.
/// </summary>
/// <remarks>Each call opens a pooled connection, so one instance is safe to share between threads.</remarks>
public sealed class IdentityDatabase
{
    private const string What = "identity database";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS accounts (
            name TEXT PRIMARY KEY,
            role INTEGER NOT NULL,
            full_name TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            password_hash TEXT NOT NULL,
            password_normalization INTEGER NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            totp_seed BLOB,
            totp_pending_seed BLOB,
            created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS password_history (
            account TEXT NOT NULL, password_hash TEXT NOT NULL, password_normalization INTEGER NOT NULL,
            replaced_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS login_throttle (
            name TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS totp_used_steps (
            account TEXT NOT NULL, step INTEGER NOT NULL, PRIMARY KEY (account, step));
        CREATE TABLE IF NOT EXISTS recovery_codes (
            account TEXT NOT NULL, code_hash BLOB NOT NULL, used_at INTEGER, PRIMARY KEY (account, code_hash));
        CREATE TABLE IF NOT EXISTS sessions (
            token_hash BLOB PRIMARY KEY, account TEXT NOT NULL, created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL, revoked_at INTEGER);
        """;

    private readonly SqliteDatabase _db;

    private IdentityDatabase(SqliteDatabase db)
    {
        _db = db;
    }

    /// <summary>The database file.</summary>
    public string Path => _db.Path;

    /// <summary>Opens (creating with mode 0600 if missing) the database at <paramref name="path"/>.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the file is readable by others; exit 4 when it is not a database.</exception>
    public static IdentityDatabase Open(string path)
    {
        var db = SqliteDatabase.Open(path, What);
        try
        {
            db.Execute(Schema);
        }
        catch (SqliteException e)
        {
            throw SqliteDatabase.NotADatabase(db.Path, What, e);
        }

        return new IdentityDatabase(db);
    }

    internal SqliteConnection Connect() => _db.Connect();

    internal int Execute(string sql, params (string Name, object? Value)[] parameters) => _db.Execute(sql, parameters);

    internal T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters) => _db.Scalar<T>(sql, parameters);

    internal List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters) =>
        _db.Query(sql, read, parameters);

    internal static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        SqliteDatabase.Command(connection, sql, parameters);
}
