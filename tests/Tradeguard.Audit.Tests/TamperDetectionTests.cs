using Tradeguard.TestSupport;

namespace Tradeguard.Audit.Tests;

/// <summary>The attacks of issue 6: each is detected, and verify names the first bad record and what is wrong.</summary>
public class TamperDetectionTests
{
    [Fact]
    public void UntouchedLog_IsIntact()
    {
        using var log = new AuditTestLog();
        log.Write(10);

        var result = log.Verify();

        Assert.True(result.IsIntact);
        Assert.Equal(10, result.RecordCount);
        Assert.Equal(10, result.LastSequence);
        Assert.Equal("audit log intact: 10 records (1-10); checkpoint file at record 10, vault checkpoint at record 10", result.Summary);
    }

    [Fact]
    public void ModifiedField_IsNamedAsAltered()
    {
        using var log = new AuditTestLog();
        log.Write(10);
        log.Tamper("UPDATE audit_record SET outcome = 'success', reason = '' WHERE seq = 6");

        var result = log.Verify();

        AssertFirstProblem(result, 6, "record 6 was altered: its MAC does not match its contents");
        Assert.Single(result.Problems);
    }

    [Fact]
    public void ModifiedDetail_IsNamedAsAltered()
    {
        using var log = new AuditTestLog();
        log.Write(4);
        log.Tamper("""UPDATE audit_record SET details = '{"field":"api_secret","n":"2"}' WHERE seq = 2""");

        AssertFirstProblem(log.Verify(), 2, "record 2 was altered: its MAC does not match its contents");
    }

    [Fact]
    public void ModifiedLastRecord_IsNamedAsAltered()
    {
        using var log = new AuditTestLog();
        log.Write(5);
        log.Tamper("UPDATE audit_record SET actor = 'operator:mallory' WHERE seq = 5");

        AssertFirstProblem(log.Verify(), 5, "record 5 was altered: its MAC does not match its contents");
    }

    [Fact]
    public void DeletedMiddleRecord_IsNamedAsMissing()
    {
        using var log = new AuditTestLog();
        log.Write(10);
        log.Tamper("DELETE FROM audit_record WHERE seq = 5");

        AssertFirstProblem(log.Verify(), 5, "record 5 is missing: the sequence jumps from 4 to 6");
    }

    [Fact]
    public void DeletedFirstRecord_IsNamedAsMissing()
    {
        using var log = new AuditTestLog();
        log.Write(3);
        log.Tamper("DELETE FROM audit_record WHERE seq = 1");

        AssertFirstProblem(log.Verify(), 1, "record 1 is missing: the log starts at record 2");
    }

    [Fact]
    public void DeletedAndRenumbered_IsNamedAsOutOfPlace()
    {
        using var log = new AuditTestLog();
        log.Write(8);
        log.Tamper("DELETE FROM audit_record WHERE seq = 4; UPDATE audit_record SET seq = seq - 1 WHERE seq > 4");

        AssertFirstProblem(log.Verify(), 4,
            "record 4 is out of place: its MAC does not match its position in the chain (records were reordered, replaced or inserted)");
    }

    [Fact]
    public void SwappedRecords_AreNamedAsOutOfPlace()
    {
        using var log = new AuditTestLog();
        log.Write(10);
        // Whole rows, MACs included, change places: every value in the table is still a genuine one.
        log.Tamper("UPDATE audit_record SET seq = 1000000 WHERE seq = 3; UPDATE audit_record SET seq = 3 WHERE seq = 7; UPDATE audit_record SET seq = 7 WHERE seq = 1000000");

        var result = log.Verify();

        AssertFirstProblem(result, 3,
            "record 3 is out of place: its MAC does not match its position in the chain (records were reordered, replaced or inserted)");
        Assert.Equal(10, result.RecordCount);
    }

    [Fact]
    public void SwappedNeighbours_AreNamedAsOutOfPlace()
    {
        using var log = new AuditTestLog();
        log.Write(6);
        log.Tamper("UPDATE audit_record SET seq = 1000000 WHERE seq = 4; UPDATE audit_record SET seq = 4 WHERE seq = 5; UPDATE audit_record SET seq = 5 WHERE seq = 1000000");

        AssertFirstProblem(log.Verify(), 4,
            "record 4 is out of place: its MAC does not match its position in the chain (records were reordered, replaced or inserted)");
    }

    [Fact]
    public void LastThreeDeleted_IsNamedAsTruncation()
    {
        using var log = new AuditTestLog();
        log.Write(10);
        log.Tamper("DELETE FROM audit_record WHERE seq > 7");

        var result = log.Verify();

        AssertFirstProblem(result, 8, "the log ends at record 7 but the checkpoint file records 10: the last 3 records were removed");
        Assert.Equal(new AuditProblem(8, "the log ends at record 7 but the vault checkpoint records 10: the last 3 records were removed"),
            result.Problems[1]);
        Assert.Equal(7, result.LastSequence);
    }

    [Fact]
    public void EveryRecordDeleted_IsNamedAsTruncation()
    {
        using var log = new AuditTestLog();
        log.Write(4);
        log.Tamper("DELETE FROM audit_record");

        AssertFirstProblem(log.Verify(), 1, "the log is empty but the checkpoint file records 4: all 4 records were removed");
    }

    [Fact]
    public void DatabaseFileDeleted_IsNamedAsTruncation()
    {
        using var log = new AuditTestLog();
        log.Write(4);
        foreach (var file in Directory.GetFiles(log.Folder, "audit.db*"))
        {
            File.Delete(file);
        }

        AssertFirstProblem(log.Verify(), 1, "the log is empty but the checkpoint file records 4: all 4 records were removed");
    }

    [Fact]
    public void TruncatedThenContinued_IsCaughtByTheCheckpointThatNoLongerMatches()
    {
        using var log = new AuditTestLog();
        log.Write(10);
        log.Tamper("DELETE FROM audit_record WHERE seq > 7");
        log.Write(5);   // records 8-12 are genuine, but 8-10 are not the ones the checkpoint saw

        var result = log.Verify();

        AssertFirstProblem(result, 10, "record 10 does not match the checkpoint file: the log was cut back and continued, or rewritten");
        Assert.Equal(12, result.LastSequence);
    }

    [Fact]
    public void WholeLogReplacedByChainMadeWithoutTheKey_IsNamed()
    {
        using var log = new AuditTestLog();
        log.Write(10);

        // The attacker has the files but not the vault: a fresh installation with its own key writes a clean-looking
        // chain of 12 records and its own checkpoint, and both are put in place of the real ones.
        using var forger = new AuditTestLog();
        forger.Write(12);
        foreach (var file in Directory.GetFiles(log.Folder, "audit.*"))
        {
            File.Delete(file);
        }

        foreach (var file in Directory.GetFiles(forger.Folder, "audit.*"))
        {
            File.Copy(file, Path.Combine(log.Folder, Path.GetFileName(file)));
        }

        var result = log.Verify();

        AssertFirstProblem(result, 1,
            "no record verifies under this installation's audit key (first bad record 1): the log was replaced by a chain made without the key");
        Assert.Equal(
            [
                $"the checkpoint file {log.Paths.Checkpoint} is not signed by this installation's audit key: it was forged or copied from another installation",
                "record 10 does not match the vault checkpoint: the log was cut back and continued, or rewritten",
            ],
            result.Problems.Skip(1).Select(p => p.Description));
    }

    [Fact]
    public void OlderBackupOfLogAndCheckpointFile_IsCaughtByTheVaultCheckpoint()
    {
        using var log = new AuditTestLog();
        log.Write(5);
        var backup = Path.Combine(log.Folder, "backup");
        Directory.CreateDirectory(backup);
        foreach (var file in Directory.GetFiles(log.Folder, "audit.*"))
        {
            File.Copy(file, Path.Combine(backup, Path.GetFileName(file)));
        }

        log.Write(5);
        foreach (var file in Directory.GetFiles(backup))
        {
            File.Copy(file, Path.Combine(log.Folder, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var file in Directory.GetFiles(log.Folder, "audit.db-*"))
        {
            File.Delete(file);
        }

        var result = log.Verify();

        AssertFirstProblem(result, 6, "the log ends at record 5 but the vault checkpoint records 10: the last 5 records were removed");
        Assert.Single(result.Problems);
    }

    [Fact]
    public void ForgedCheckpointFile_IsNamed()
    {
        using var log = new AuditTestLog();
        log.Write(3);
        var text = File.ReadAllText(log.Paths.Checkpoint).Replace("\"sequence\":3", "\"sequence\":2", StringComparison.Ordinal);
        File.WriteAllText(log.Paths.Checkpoint, text);

        var result = log.Verify();

        Assert.Equal(
            [new AuditProblem(null, $"the checkpoint file {log.Paths.Checkpoint} is not signed by this installation's audit key: it was forged or copied from another installation")],
            result.Problems);
    }

    [Fact]
    public void ForgedCheckpointFile_IsLeftAsEvidence_WhileAppendsCarryOn()
    {
        using var log = new AuditTestLog();
        log.Write(3);
        var forged = File.ReadAllText(log.Paths.Checkpoint).Replace("\"sequence\":3", "\"sequence\":2", StringComparison.Ordinal);
        File.WriteAllText(log.Paths.Checkpoint, forged);

        log.Write(2);

        Assert.Equal(forged, File.ReadAllText(log.Paths.Checkpoint));
        var result = log.Verify();
        Assert.Equal(5, result.LastSequence);
        Assert.Equal($"the checkpoint file {log.Paths.Checkpoint} is not signed by this installation's audit key: it was forged or copied from another installation",
            result.Problems.Single().Description);
    }

    [Fact]
    public void DeletedCheckpointFile_IsNamed()
    {
        using var log = new AuditTestLog();
        log.Write(3);
        File.Delete(log.Paths.Checkpoint);

        Assert.Equal(
            [new AuditProblem(null, $"the checkpoint file {log.Paths.Checkpoint} is missing while the log holds records up to 3: it was deleted")],
            log.Verify().Problems);
    }

    [Fact]
    public void DamagedDetails_AreNamed()
    {
        using var log = new AuditTestLog();
        log.Write(3);
        log.Tamper("UPDATE audit_record SET details = '[1,2]' WHERE seq = 2");

        AssertFirstProblem(log.Verify(), 2, "record 2 is damaged: its details are not a JSON object of strings");
    }

    [Fact]
    public void MissingKey_WithRecords_IsAProblem()
    {
        using var log = new AuditTestLog();
        log.Write(2);

        var result = AuditVerifier.Verify(log.Paths, new InMemorySecretStore());

        Assert.Equal(
            [new AuditProblem(null, "the vault holds no audit key at vault://tradeguard/audit_key, so no record can be verified: restore the vault from its backup")],
            result.Problems);
    }

    [Fact]
    public void NoLogAtAll_IsIntactAndEmpty()
    {
        using var log = new AuditTestLog();

        var result = log.Verify();

        Assert.True(result.IsIntact);
        Assert.Equal("audit log intact: 0 records; checkpoint file at none, vault checkpoint at none", result.Summary);
    }

    [Fact]
    public void FailedVerification_ThrowsExitCode4WithTheFirstProblem()
    {
        using var log = new AuditTestLog();
        log.Write(10);
        log.Tamper("DELETE FROM audit_record WHERE seq = 5");

        var e = Assert.Throws<Core.Errors.TradeguardException>(() => log.Verify().ThrowIfTampered());

        Assert.Equal(Core.Errors.ExitCode.IntegrityFailure, e.ExitCode);
        Assert.Equal("audit log failed verification: record 5 is missing: the sequence jumps from 4 to 6", e.Message);
    }

    private static void AssertFirstProblem(AuditVerification result, long sequence, string description)
    {
        Assert.False(result.IsIntact);
        Assert.Equal(new AuditProblem(sequence, description), result.Problems[0]);
    }
}
