using Tradeguard.Core.Audit;

namespace Tradeguard.Audit.Tests;

public class ConcurrentWriterTests
{
    [Fact]
    public void FourWriters_100000Appends_LeaveOneGapFreeValidChain()
    {
        const int writers = 4;
        const int perWriter = 25_000;
        const int batch = 250;
        using var log = new AuditTestLog();
        var vault = new SynchronizedSecretStore(log.Vault);

        // Each writer has its own log instance and so its own SQLite connection, as separate processes would; they
        // start together on an installation with no key yet, so they also race to create it.
        using var start = new Barrier(writers);
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            start.SignalAndWait();
            using var audit = SqliteAuditLog.Open(log.Paths, vault);
            for (var done = 0; done < perWriter; done += batch)
            {
                audit.Record(Enumerable.Range(done, batch)
                    .Select(i => new AuditEvent($"writer:{w}", "engine.order_submitted", $"ORCL#{i}", AuditOutcome.Success))
                    .ToList());
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(2))));

        var result = log.Verify();

        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(100_000, result.RecordCount);
        Assert.Equal(100_000, result.LastSequence);
        Assert.Equal(100_000, result.FileCheckpoint.Checkpoint!.Sequence);
        Assert.Equal(writers, log.Query<long>("SELECT count(DISTINCT actor) FROM audit_record"));
        // Each batch is one contiguous run: a writer's 250 records are never interleaved with another's.
        var records = AuditReader.Read(log.Paths.Database, AuditQuery.All).ToList();
        for (var i = 1; i < records.Count; i++)
        {
            var index = int.Parse(records[i].Target["ORCL#".Length..], System.Globalization.CultureInfo.InvariantCulture);
            if (index % batch != 0)
            {
                Assert.Equal((records[i - 1].Actor, $"ORCL#{index - 1}"), (records[i].Actor, records[i - 1].Target));
            }
        }
    }

    [Fact]
    public void SharedInstance_FromManyThreads_KeepsTheChain()
    {
        using var log = new AuditTestLog();
        using var audit = log.Open();

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => audit.Record(AuditTestLog.Event(i)));

        var result = log.Verify();
        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(200, result.LastSequence);
    }
}
