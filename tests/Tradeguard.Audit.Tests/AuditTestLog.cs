using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Tradeguard.Core.Audit;
using Tradeguard.TestSupport;

namespace Tradeguard.Audit.Tests;

/// <summary>An audit log in a temp folder with an in-memory vault and a fake clock, plus the tools of an attacker who
/// can write the files but cannot open the vault.</summary>
internal sealed class AuditTestLog : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 19, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public AuditTestLog()
    {
        // The vault lives apart from the log, as its copy of the checkpoint then does: rolling back the log's folder
        // leaves that copy where it was.
        var vaultFolder = Directory.CreateDirectory(_folder.Combine("vault")).FullName;
        Paths = AuditPaths.InFolder(_folder.Path).BesideVault(Path.Combine(vaultFolder, "vault.tgv"));
    }

    public AuditPaths Paths { get; }

    public InMemorySecretStore Vault { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    public string Folder => _folder.Path;

    public static AuditEvent Event(int i) => new(
        "operator:alice",
        i % 2 == 0 ? "vault.reveal" : "identity.login",
        $"binance/api_key#{i}",
        i % 3 == 0 ? AuditOutcome.Denied : AuditOutcome.Success,
        i % 3 == 0 ? "wrong TOTP code" : "",
        new Dictionary<string, string> { ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["field"] = "api_key" });

    public SqliteAuditLog Open() => SqliteAuditLog.Open(Paths, Vault, Clock);

    /// <summary>Writes records 1..count (one per second) and closes the log, which checkpoints to the vault too.</summary>
    public void Write(int count)
    {
        using var log = Open();
        for (var i = 1; i <= count; i++)
        {
            log.Record(Event(i));
            Clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    public AuditVerification Verify() => AuditVerifier.Verify(Paths, Vault);

    /// <summary>Runs SQL on the database as an attacker would: the append-only triggers are dropped first.</summary>
    public void Tamper(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Paths.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS audit_record_no_update; DROP TRIGGER IF EXISTS audit_record_no_delete; " + sql;
        command.ExecuteNonQuery();
    }

    public T Query<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Paths.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    public void Dispose() => _folder.Dispose();
}
