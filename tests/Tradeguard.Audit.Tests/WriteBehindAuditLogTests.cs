using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;

namespace Tradeguard.Audit.Tests;

public class WriteBehindAuditLogTests
{
    [Fact]
    public void PostedAndRecordedEvents_AreCommittedInQueueOrder_InOneChain_AndRecordWaitsForEverythingBefore()
    {
        using var log = new AuditTestLog();
        using (var sqlite = log.Open())
        using (var writer = new WriteBehindAuditLog(sqlite))
        {
            for (var i = 1; i <= 300; i++)
            {
                if (i % 50 == 0)
                {
                    writer.Record(AuditTestLog.Event(i));
                    // Record returned: it and every record posted before it are in the database.
                    Assert.Equal(i, AuditReader.Read(log.Paths.Database, AuditQuery.All).Count());
                }
                else
                {
                    writer.Post(AuditTestLog.Event(i));
                }
            }
        }

        var records = AuditReader.Read(log.Paths.Database, AuditQuery.All).ToList();
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"binance/api_key#{i}"), records.Select(r => r.Target));
        Assert.True(log.Verify().IsIntact);
    }

    [Fact]
    public void WhileOneCommitIsOnDisk_LaterPosts_AreCommittedTogether_AsOneBatch()
    {
        using var inner = new GatedLog();
        using (var writer = new WriteBehindAuditLog(inner))
        {
            writer.Post(Event(0));
            Assert.True(inner.Entered.Wait(TimeSpan.FromSeconds(10)));
            for (var i = 1; i <= 99; i++)
            {
                writer.Post(Event(i));
            }

            Assert.Equal(100, writer.Pending);
            inner.Open.Set();
        }

        Assert.Equal([1, 99], inner.Batches.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), inner.Batches.SelectMany(b => b).Select(e => e.Target));
    }

    [Fact]
    public async Task AFailingDisk_FailsTheWaitingCaller_ButKeepsAndRetriesPostedRecords_UntilTheyAreKept()
    {
        var problems = new List<string>();
        using var firstFailure = new ManualResetEventSlim();
        var inner = new FailingLog { Full = true };
        using (var writer = new WriteBehindAuditLog(inner, p =>
               {
                   lock (problems)
                   {
                       problems.Add(p);
                   }

                   firstFailure.Set();
               }))
        {
            writer.Post(Event(1));
            // The posted record's batch has failed and is being retried: a Record queued behind it must still get the
            // error (within a retry), not wait for the disk (it hung here once, in one of three full-suite runs).
            Assert.True(firstFailure.Wait(TimeSpan.FromSeconds(10)));
            var record = Task.Run(() => writer.Record(Event(2)));
            var error = await Assert.ThrowsAsync<TradeguardException>(() => record.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Contains("disk full", error.Message, StringComparison.Ordinal);
            inner.Full = false;
        }

        // Event 1 was retried after each failure and kept; event 2's caller was told, so it is not written behind its back.
        Assert.Equal(["1"], inner.Kept.Select(e => e.Target));
        Assert.Contains(problems, p => p.StartsWith("The audit log could not commit 1 record(s) (Cannot append to the audit log: disk full.)", StringComparison.Ordinal));
    }

    [Fact]
    public void Dispose_CommitsWhatIsQueued_ThenRefusesNewRecords_AndReportsRecordsItCouldNotKeep()
    {
        var problems = new List<string>();
        var writer = new WriteBehindAuditLog(new FailingLog { Full = true }, p => { lock (problems) { problems.Add(p); } },
            drainTimeout: TimeSpan.FromMilliseconds(300));
        writer.Post(Event(1));
        writer.Post(Event(2));
        writer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => writer.Post(Event(3)));
        Assert.Throws<ObjectDisposedException>(() => writer.Record(Event(4)));
        Assert.Contains("2 audit record(s) could not be committed before shutdown and are lost; the audit log's last record is the last one kept.", problems);
    }

    [Fact]
    public async Task AFullQueue_BlocksPost_UntilTheDiskCatchesUp_DroppingNothing()
    {
        using var inner = new GatedLog();
        using var writer = new WriteBehindAuditLog(inner, capacity: 2);
        writer.Post(Event(0));
        Assert.True(inner.Entered.Wait(TimeSpan.FromSeconds(10)));
        writer.Post(Event(1));
        writer.Post(Event(2));
        var third = Task.Run(() => writer.Post(Event(3)));
        Assert.NotSame(third, await Task.WhenAny(third, Task.Delay(200)));

        inner.Open.Set();
        await third.WaitAsync(TimeSpan.FromSeconds(10));
        writer.Record(Event(4));
        Assert.Equal(5, inner.Batches.Sum(b => b.Count));
    }

    private static AuditEvent Event(int i) => new("bot:momentum", "gateway.order", i.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditOutcome.Success);

    // Holds the first commit until Open is set, as a slow disk sync would.
    private sealed class GatedLog : IAuditLog, IDisposable
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Open { get; } = new();

        public List<List<AuditEvent>> Batches { get; } = [];

        public void Record(AuditEvent auditEvent) => RecordAll([auditEvent]);

        public void RecordAll(IReadOnlyList<AuditEvent> events)
        {
            Entered.Set();
            // Bounded, so that a failed assertion before Open is set ends the test instead of hanging its Dispose.
            if (!Open.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("the test never opened the gate");
            }

            lock (Batches)
            {
                Batches.Add([.. events]);
            }
        }

        public void Dispose()
        {
            Entered.Dispose();
            Open.Dispose();
        }
    }

    private sealed class FailingLog : IAuditLog
    {
        private volatile bool _full;

        public bool Full { get => _full; set => _full = value; }

        public List<AuditEvent> Kept { get; } = [];

        public void Record(AuditEvent auditEvent) => RecordAll([auditEvent]);

        public void RecordAll(IReadOnlyList<AuditEvent> events)
        {
            if (Full)
            {
                throw new TradeguardException(ExitCode.Configuration, "Cannot append to the audit log: disk full.");
            }

            Kept.AddRange(events);
        }
    }
}
