using Microsoft.Data.Sqlite;

namespace Tradeguard.Alerts.Storage;

/// <summary>
/// A SQLite file whose every write reaches the disk before the call returns (<c>synchronous = FULL</c>), as the
/// outbox's "committed before any attempt to send" and the Telegram store's persisted offset need.
/// </summary>
/// <remarks>Each call opens its own pooled connection, so one instance is safe to share between threads; a writer
/// waits up to 5 s (<c>busy_timeout</c>) for another process's lock.</remarks>
public sealed class DurableSqlite
{
    private readonly string _connectionString;

    /// <summary>Addresses the database at <paramref name="path"/> (created on first connection).</summary>
    public DurableSqlite(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    /// <summary>Opens a connection with the durability settings applied; the caller disposes it.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Runs one statement with named parameters (<c>$name</c>); returns the number of rows changed.</summary>
    public int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return cmd.ExecuteNonQuery();
    }
}
