using Microsoft.Data.Sqlite;
using Tradeguard.Core.Errors;
using Tradeguard.Storage.Sqlite;
using Tradeguard.TestSupport;

namespace Tradeguard.Storage.Tests;

/// <summary>The one way every store opens its SQLite file: private, WAL, durable writes, a bounded wait for locks.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public void Open_CreatesTheFileOwnerOnly_InAnOwnerOnlyFolder_AndSwitchesToWal()
    {
        var path = Path.Combine(_folder.Path, "state", "store.db");

        var db = SqliteDatabase.Open(path, "test store");

        Assert.Equal(path, db.Path);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Equal("wal", db.Scalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public void EveryConnection_HasFullSynchronousWrites_AndTheConfiguredBusyTimeout()
    {
        var db = SqliteDatabase.Open(_folder.Combine("store.db"), "test store", new SqliteDatabaseOptions { BusyTimeout = TimeSpan.FromSeconds(60) });

        using var connection = db.Connect();

        Assert.Equal(2L, Pragma(connection, "synchronous"));   // 2 = FULL (sqlite.org/pragma.html#pragma_synchronous)
        Assert.Equal(60000L, Pragma(connection, "busy_timeout"));
        using var byDefault = SqliteDatabase.Open(_folder.Combine("other.db"), "test store").Connect();
        Assert.Equal(5000L, Pragma(byDefault, "busy_timeout"));
    }

    [Fact]
    public void AFileOthersCanRead_IsRefusedWithExit5_AndTheChmodThatFixesIt()
    {
        var path = _folder.Combine("store.db");
        File.WriteAllBytes(path, []);
        File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var e = Assert.Throws<TradeguardException>(() => SqliteDatabase.Open(path, "test store"));

        Assert.Equal(ExitCode.Configuration, e.ExitCode);
        Assert.Contains("chmod 600", e.Message, StringComparison.Ordinal);
        Assert.Contains("test store", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotADatabase_IsAnIntegrityFailure_NamingTheStore()
    {
        var path = _folder.Combine("store.db");
        File.WriteAllText(path, "this is not an SQLite file, just some text that is long enough to have a header");
        File.SetUnixFileMode(path, OwnerReadWrite);

        var e = Assert.Throws<TradeguardException>(() => SqliteDatabase.Open(path, "test store"));

        Assert.Equal(ExitCode.IntegrityFailure, e.ExitCode);
        Assert.StartsWith($"{path} is not a readable test store (26: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenExisting_ReturnsNullForAMissingFile_AndLeavesARollbackJournalFileAlone()
    {
        Assert.Null(SqliteDatabase.OpenExisting(_folder.Combine("missing.db"), "test store"));
        Assert.False(File.Exists(_folder.Combine("missing.db")));

        var path = _folder.Combine("plain.db");
        using (var plain = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            plain.Open();
            using var create = plain.CreateCommand();
            create.CommandText = "CREATE TABLE t(x)";
            create.ExecuteNonQuery();
        }

        File.SetUnixFileMode(path, OwnerReadWrite);
        var db = SqliteDatabase.OpenExisting(path, "test store")!;

        Assert.Equal("delete", db.Scalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public void ExecuteScalarAndQuery_BindNamedParameters_WithNullAsSqlNull()
    {
        var db = SqliteDatabase.Open(_folder.Combine("store.db"), "test store");
        db.Execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");

        Assert.Equal(1, db.Execute("INSERT INTO t(id, name) VALUES ($id, $name)", ("$id", 1), ("$name", "alice")));
        Assert.Equal(1, db.Execute("INSERT INTO t(id, name) VALUES ($id, $name)", ("$id", 2), ("$name", null)));

        Assert.Equal(2L, db.Scalar<long>("SELECT COUNT(*) FROM t"));
        Assert.Null(db.Scalar<string>("SELECT name FROM t WHERE id = $id", ("$id", 2)));
        Assert.Equal([(1L, "alice"), (2L, "(null)")],
            db.Query("SELECT id, name FROM t ORDER BY id", r => (r.GetInt64(0), r.IsDBNull(1) ? "(null)" : r.GetString(1))));
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return (long)command.ExecuteScalar()!;
    }
}
