using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;

namespace Tradeguard.Audit.Tests;

public class AuditReaderTests
{
    [Fact]
    public void Filters_SinceActorActionPrefixAndLast_Combine()
    {
        using var log = new AuditTestLog();
        using (var audit = log.Open())
        {
            foreach (var (actor, action) in new[]
                     {
                         ("operator:alice", "vault.reveal"), ("operator:bob", "vault.set"), ("operator:alice", "vaultx.other"),
                         ("operator:alice", "identity.login"), ("operator:alice", "vault.rm"), ("operator:alice", "vault"),
                     })
            {
                audit.Record(new AuditEvent(actor, action, "t", AuditOutcome.Success));
                log.Clock.Advance(TimeSpan.FromMinutes(10));
            }
        }

        IEnumerable<long> Seqs(AuditQuery q) => AuditReader.Read(log.Paths.Database, q).Select(r => r.Sequence);

        Assert.Equal([1L, 2L, 5L, 6L], Seqs(new AuditQuery(Action: "vault")));
        Assert.Equal([1L, 5L, 6L], Seqs(new AuditQuery(Actor: "operator:alice", Action: "vault")));
        Assert.Equal([5L, 6L], Seqs(new AuditQuery(Since: AuditTestLog.Start.AddMinutes(40))));
        Assert.Equal([4L, 5L, 6L], Seqs(new AuditQuery(Actor: "operator:alice", Last: 3)));
        Assert.Equal([2L], Seqs(new AuditQuery(Actor: "operator:bob", Last: 10)));
        Assert.Empty(Seqs(new AuditQuery(Actor: "nobody", Last: 10)));
    }

    [Fact]
    public void MissingDatabase_ReadsAsEmpty()
    {
        using var log = new AuditTestLog();

        Assert.Empty(AuditReader.Read(log.Paths.Database, AuditQuery.All));
        Assert.False(File.Exists(log.Paths.Database));
    }

    [Fact]
    public void NotAnAuditDatabase_IsAnIntegrityFailure()
    {
        using var log = new AuditTestLog();
        File.WriteAllText(log.Paths.Database, "this is not SQLite at all, just text that is long enough to have a header");
        File.SetUnixFileMode(log.Paths.Database, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var e = Assert.Throws<TradeguardException>(() => AuditReader.Read(log.Paths.Database, AuditQuery.All));

        Assert.Equal(ExitCode.IntegrityFailure, e.ExitCode);
        Assert.StartsWith($"{log.Paths.Database} is not a readable audit log (26: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLines_HaveTheDocumentedShape()
    {
        using var log = new AuditTestLog();
        log.Clock.Advance(TimeSpan.FromTicks(1_234_560));
        using (var audit = log.Open())
        {
            audit.Record(new AuditEvent("telegram:42", "telegram.command", "/kill \"now\"", AuditOutcome.Denied, "not linked",
                new Dictionary<string, string> { ["chat"] = "42", ["b"] = "ü" }));
        }

        var record = AuditReader.Read(log.Paths.Database, AuditQuery.All).Single();
        using var stream = new MemoryStream();
        Assert.Equal(1, AuditJsonLines.Write(stream, [record]));

        Assert.Equal(
            "{\"seq\":1,\"time\":\"2026-11-29T19:00:00.123456Z\",\"actor\":\"telegram:42\",\"action\":\"telegram.command\"," +
            "\"target\":\"/kill \\u0022now\\u0022\",\"outcome\":\"denied\",\"reason\":\"not linked\"," +
            "\"details\":{\"b\":\"\\u00FC\",\"chat\":\"42\"},\"mac\":\"" + Convert.ToHexStringLower(record.Mac) + "\"}\n",
            System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
