using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Secrets;
using Tradeguard.TestSupport;

namespace Tradeguard.Audit.Tests;

public class AuditLogTests
{
    [Fact]
    public void FirstOpen_CreatesA32ByteKeyInTheVault()
    {
        using var log = new AuditTestLog();
        using (log.Open())
        {
        }

        using var key = log.Vault.TryGet(new SecretReference("tradeguard", "audit_key"));
        Assert.NotNull(key);
        Assert.Equal(32, key.Length);
    }

    [Fact]
    public void Records_AreNumberedFromOneAndStampedWithTheClock()
    {
        using var log = new AuditTestLog();
        log.Write(3);

        var records = AuditReader.Read(log.Paths.Database, AuditQuery.All).ToList();

        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Sequence));
        Assert.Equal(
            [AuditTestLog.Start, AuditTestLog.Start.AddSeconds(1), AuditTestLog.Start.AddSeconds(2)],
            records.Select(r => r.Time));
        var third = records[2];
        Assert.Equal(("operator:alice", "identity.login", "binance/api_key#3", "denied", "wrong TOTP code"),
            (third.Actor, third.Action, third.Target, third.Outcome, third.Reason));
        Assert.Equal([new("field", "api_key"), new("n", "3")], third.Details);
    }

    [Fact]
    public void Batch_IsOneContiguousRunAndReturnsTheLastSequence()
    {
        using var log = new AuditTestLog();
        using var audit = log.Open();
        audit.Record(AuditTestLog.Event(1));

        var last = audit.Record(Enumerable.Range(2, 500).Select(AuditTestLog.Event).ToList());

        Assert.Equal(501, last);
        Assert.Equal(0, audit.Record([]));
        Assert.True(log.Verify().IsIntact);
    }

    [Fact]
    public void Time_IsKeptToTheMicrosecond()
    {
        using var log = new AuditTestLog();
        log.Clock.Advance(TimeSpan.FromTicks(1_234_567));   // 123456.7 µs: the 0.7 µs is dropped
        log.Write(1);

        var record = AuditReader.Read(log.Paths.Database, AuditQuery.All).Single();

        Assert.Equal(AuditTestLog.Start.AddTicks(1_234_560), record.Time);
        Assert.True(log.Verify().IsIntact);
    }

    [Fact]
    public void RegisteredSecrets_NeverReachTheFiles()
    {
        using var log = new AuditTestLog();
        var secret = "sk_live_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        Redactor.Shared.Register(secret);
        var token = "123456789:" + new string('A', 20) + new string('b', 15);   // Telegram-token shaped, unregistered

        using (var audit = log.Open())
        {
            audit.Record(new AuditEvent($"operator:{secret}", "vault.reveal", $"binance/{secret}", AuditOutcome.Failure,
                $"pasted {secret[..12]}... and {token}", new Dictionary<string, string> { ["value"] = secret, [secret] = "key" }));
        }

        var record = AuditReader.Read(log.Paths.Database, AuditQuery.All).Single();
        Assert.Equal("operator:[redacted]", record.Actor);
        Assert.Equal("binance/[redacted]", record.Target);
        Assert.Equal("pasted [redacted]... and [redacted]", record.Reason);
        Assert.Equal([new("[redacted]", "key"), new("value", "[redacted]")], record.Details);
        foreach (var file in Directory.GetFiles(log.Folder))
        {
            var bytes = File.ReadAllText(file, System.Text.Encoding.Latin1);
            Assert.DoesNotContain(secret[..Redactor.MinimumFragmentLength], bytes, StringComparison.Ordinal);
            Assert.DoesNotContain(token, bytes, StringComparison.Ordinal);
        }

        Assert.True(log.Verify().IsIntact);
    }

    [Fact]
    public void UpdateAndDelete_AreRefusedByTheTable()
    {
        using var log = new AuditTestLog();
        log.Write(2);

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={log.Paths.Database};Pooling=False");
        connection.Open();
        foreach (var sql in (string[])["UPDATE audit_record SET actor = 'x' WHERE seq = 1", "DELETE FROM audit_record WHERE seq = 2"])
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            var e = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteNonQuery());
            Assert.Equal("SQLite Error 19: 'audit records are append-only'.", e.Message);
        }
    }

    [Fact]
    public void Files_AreOwnerOnly()
    {
        using var log = new AuditTestLog();
        using (var audit = log.Open())
        {
            audit.Record(AuditTestLog.Event(1));
            Assert.Equal(AtomicFileMode, File.GetUnixFileMode(log.Paths.Database + "-wal"));
        }

        Assert.Equal(AtomicFileMode, File.GetUnixFileMode(log.Paths.Database));
        Assert.Equal(AtomicFileMode, File.GetUnixFileMode(log.Paths.Checkpoint));
    }

    [Fact]
    public void DatabaseReadableByOthers_IsRefusedWithTheFix()
    {
        using var log = new AuditTestLog();
        log.Write(1);
        File.SetUnixFileMode(log.Paths.Database, AtomicFileMode | UnixFileMode.OtherRead);

        var e = Assert.Throws<TradeguardException>(() => log.Open());

        Assert.Equal(ExitCode.Configuration, e.ExitCode);
        Assert.Equal($"Refusing to use audit log {log.Paths.Database}: it is accessible by group or others (mode 604). Fix it with: chmod 600 {log.Paths.Database}", e.Message);
    }

    [Fact]
    public void RecordsWithoutKeyInVault_RefuseToStartANewChain()
    {
        using var log = new AuditTestLog();
        log.Write(2);

        var e = Assert.Throws<TradeguardException>(() => SqliteAuditLog.Open(log.Paths, new InMemorySecretStore()));

        Assert.Equal(ExitCode.IntegrityFailure, e.ExitCode);
        Assert.Equal($"The audit log {log.Paths.Database} holds 2 records but the vault has no audit key at vault://tradeguard/audit_key. " +
            "Restore the vault from its backup: a new key would leave every existing record unverifiable.", e.Message);
    }

    [Fact]
    public void SecondKey_FromAVaultOpenedBeforeTheFirstWasMade_IsRefused()
    {
        using var log = new AuditTestLog();
        using (log.Open())
        {
        }

        var e = Assert.Throws<TradeguardException>(() => SqliteAuditLog.Open(log.Paths, new InMemorySecretStore()));

        Assert.Equal(ExitCode.IntegrityFailure, e.ExitCode);
        Assert.Equal($"The audit checkpoint {log.Paths.Checkpoint} exists but this vault has no audit key at vault://tradeguard/audit_key: " +
            "another tradeguard process created the key after this vault was opened (run the command again), or the vault was replaced (restore it from its backup).", e.Message);
        Assert.True(log.Verify().IsIntact);
    }

    [Fact]
    public void WrongLengthKey_IsAnIntegrityFailure()
    {
        using var log = new AuditTestLog();
        using (var shortKey = Secret.Random(16))
        {
            log.Vault.Set(AuditKey.Reference, shortKey);
        }

        var e = Assert.Throws<TradeguardException>(() => log.Open());

        Assert.Equal(ExitCode.IntegrityFailure, e.ExitCode);
        Assert.Equal("The audit key at vault://tradeguard/audit_key is 16 bytes, not 32: the vault entry was replaced or damaged. Restore the vault from its backup.", e.Message);
    }

    [Fact]
    public void EmptyActorOrAction_IsRejected()
    {
        using var log = new AuditTestLog();
        using var audit = log.Open();

        Assert.Throws<ArgumentException>(() => audit.Record(new AuditEvent(" ", "vault.set", "x", AuditOutcome.Success)));
        Assert.Throws<ArgumentException>(() => audit.Record(new AuditEvent("system", "", "x", AuditOutcome.Success)));
        Assert.Throws<ArgumentOutOfRangeException>(() => audit.Record(new AuditEvent("system", "a", "x", (AuditOutcome)7)));
        Assert.Equal(0, log.Query<long>("SELECT count(*) FROM audit_record"));
    }

    [Fact]
    public void FileCheckpoint_FollowsEveryBatch_VaultCheckpoint_FollowsCheckpointAndDispose()
    {
        using var log = new AuditTestLog();
        using var audit = log.Open();
        audit.Record(AuditTestLog.Event(1));
        audit.Record(AuditTestLog.Event(2));

        var before = log.Verify();
        Assert.Equal(2, before.FileCheckpoint.Checkpoint!.Sequence);
        Assert.Equal(AuditCheckpointState.Missing, before.VaultCheckpoint.State);

        audit.Checkpoint();
        Assert.Equal(2, log.Verify().VaultCheckpoint.Checkpoint!.Sequence);
        audit.Record(AuditTestLog.Event(3));
        audit.Dispose();
        Assert.Equal(3, log.Verify().VaultCheckpoint.Checkpoint!.Sequence);
    }

    [Fact]
    public void BothCheckpointFiles_HaveTheDocumentedForm_AndTheVaultHoldsNoCopy()
    {
        using var log = new AuditTestLog();
        log.Write(2);

        var text = File.ReadAllText(log.Paths.Checkpoint);
        var mac = Convert.ToHexStringLower(log.Query<byte[]>("SELECT mac FROM audit_record WHERE seq = 2"));

        Assert.Matches($"^\\{{\"format\":\"tradeguard-audit-checkpoint/1\",\"sequence\":2,\"mac\":\"{mac}\",\"tag\":\"[0-9a-f]{{64}}\"\\}}\n$", text);
        Assert.Equal(text, File.ReadAllText(log.Paths.VaultCheckpoint));
        Assert.Equal(AtomicFileMode, File.GetUnixFileMode(log.Paths.VaultCheckpoint));
        // Keeping the log never writes the vault: its only entry is the key.
        Assert.Equal([new SecretReference("tradeguard", "audit_key")], log.Vault.List());
    }

    private const UnixFileMode AtomicFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
}
