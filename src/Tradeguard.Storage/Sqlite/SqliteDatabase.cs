using System.Globalization;
using Microsoft.Data.Sqlite;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Storage;

namespace Tradeguard.Storage.Sqlite;

/// <summary>
/// One private SQLite file as every Tradeguard store keeps it (identity, audit log, alert outbox, Telegram state):
/// created with mode 0600 in a 0700 folder, refused when group or others can read it, in WAL mode, and every connection
/// with <c>synchronous = FULL</c> (a committed write is on disk when the call returns) and a busy timeout.
/// </summary>
/// <remarks>
/// SQLite gives the <c>-wal</c> and <c>-shm</c> files the database file's mode, so 0600 on the file covers all three.
/// Each <see cref="Connect"/> opens its own connection, so one instance is safe to share between threads.
/// </remarks>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    private SqliteDatabase(string path, SqliteDatabaseOptions options)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = options.Pooling,
        }.ToString();
        _pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};");
    }

    /// <summary>The database file (full path).</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the database at <paramref name="path"/> for reading and writing, creating the file (mode 0600, and its
    /// folder 0700) when missing, and switches it to WAL.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, for messages: "identity database", "alert outbox".</param>
    /// <param name="options">Pooling and busy timeout; <see cref="SqliteDatabaseOptions.Default"/> when null.</param>
    /// <exception cref="TradeguardException">Exit 5 when the file cannot be created or group or others can access it
    /// (with the <c>chmod</c> that fixes it); exit 4 when it is not a SQLite database.</exception>
    public static SqliteDatabase Open(string path, string what, SqliteDatabaseOptions? options = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        CreatePrivateFile(full, what);
        var db = new SqliteDatabase(full, options ?? SqliteDatabaseOptions.Default);
        try
        {
            db.Execute("PRAGMA journal_mode = WAL");
        }
        catch (SqliteException e)
        {
            throw NotADatabase(full, what, e);
        }

        return db;
    }

    /// <summary>
    /// Opens an existing database without changing it (no WAL switch): for readers of a file another process writes.
    /// </summary>
    /// <returns>The database, or null when the file does not exist.</returns>
    /// <exception cref="TradeguardException">Exit 5 when group or others can access the file.</exception>
    public static SqliteDatabase? OpenExisting(string path, string what, SqliteDatabaseOptions? options = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return null;
        }

        PrivateFile.EnsurePrivate(full, what);
        return new SqliteDatabase(full, options ?? SqliteDatabaseOptions.Default);
    }

    /// <summary>The error for a file that SQLite cannot read as a database: exit 4, restore from a backup.</summary>
    public static TradeguardException NotADatabase(string path, string what, SqliteException cause) =>
        new(ExitCode.IntegrityFailure,
            $"{path} is not a readable {what} ({cause.SqliteErrorCode}: {cause.Message}); restore it from a backup.", cause);

    /// <summary>Opens a connection with <c>synchronous = FULL</c> and the busy timeout applied; the caller disposes it.</summary>
    /// <exception cref="SqliteException">SQLite could not open the file.</exception>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = _pragmas;
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="sql"/> (one or more statements) with named parameters (<c>$name</c>; null is
    /// SQL NULL); returns the number of rows changed.</summary>
    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Connect();
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, converted to <typeparamref name="T"/>; default when there is no
    /// row or it is NULL.</summary>
    public T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Connect();
        using var command = Command(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull
            ? default
            : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Every row of <paramref name="sql"/>, each read by <paramref name="read"/>.</summary>
    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var connection = Connect();
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A command on <paramref name="connection"/> with named parameters (null is SQL NULL); the caller
    /// disposes it and sets its transaction if any.</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void CreatePrivateFile(string path, string what)
    {
        if (File.Exists(path))
        {
            PrivateFile.EnsurePrivate(path, what);
            return;
        }

        try
        {
            var folder = System.IO.Path.GetDirectoryName(path);
            if (folder is not null && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = AtomicFile.OwnerOnly,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; its mode is checked below like any existing file's.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"Cannot create the {what} {path}: {e.Message}. Check that the folder exists and is writable by you.", e);
        }

        PrivateFile.EnsurePrivate(path, what);
    }
}
