using Tradeguard.Core.Audit;

namespace Tradeguard.Audit.Tests;

public class DeferredAuditLogTests
{
    [Fact]
    public void HeldEvents_AreWrittenInOrderOnAttach_WithTheirTime_ThenLaterOnesPassStraightThrough()
    {
        using var log = new AuditTestLog();
        var deferred = new DeferredAuditLog(log.Clock);
        deferred.Record(new AuditEvent("operator:alice", "vault.unlock", "vault.tgv", AuditOutcome.Failure, "wrong passphrase"));
        log.Clock.Advance(TimeSpan.FromSeconds(3));
        deferred.Record(new AuditEvent("operator:alice", "vault.unlock", "vault.tgv", AuditOutcome.Success, "",
            new Dictionary<string, string> { ["slot"] = "passphrase" }));
        Assert.Equal(2, deferred.HeldCount);

        log.Clock.Advance(TimeSpan.FromSeconds(5));
        using (var audit = log.Open())
        {
            deferred.Attach(audit);
            deferred.Record(new AuditEvent("operator:alice", "vault.reveal", "vault://binance/api_key", AuditOutcome.Success));
            Assert.Throws<InvalidOperationException>(() => deferred.Attach(audit));
        }

        var records = AuditReader.Read(log.Paths.Database, AuditQuery.All).ToList();
        Assert.Equal(0, deferred.HeldCount);
        Assert.Equal(["failure", "success", "success"], records.Select(r => r.Outcome));
        Assert.Equal([new("occurred", "2026-11-29T19:00:00.000000Z")], records[0].Details);
        Assert.Equal([new("occurred", "2026-11-29T19:00:03.000000Z"), new("slot", "passphrase")], records[1].Details);
        Assert.Empty(records[2].Details);
        Assert.True(log.Verify().IsIntact);
    }
}
