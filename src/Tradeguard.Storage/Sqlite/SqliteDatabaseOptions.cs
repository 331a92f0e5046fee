namespace Tradeguard.Storage.Sqlite;

/// <summary>How <see cref="SqliteDatabase"/> connects.</summary>
public sealed record SqliteDatabaseOptions
{
    /// <summary>The defaults: pooled connections, 5 s busy timeout.</summary>
    public static SqliteDatabaseOptions Default { get; } = new();

    /// <summary>
    /// Reuse connections from Microsoft.Data.Sqlite's pool (true, for stores that open one per call), or really close
    /// the file when a connection is disposed (false, for one long-lived connection that must release the file).
    /// </summary>
    public bool Pooling { get; init; } = true;

    /// <summary>How long a statement waits for another connection's or process's lock before failing with
    /// <c>SQLITE_BUSY</c> (SQLite's <c>busy_timeout</c>, whole milliseconds).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
