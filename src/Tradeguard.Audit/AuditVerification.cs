using Tradeguard.Core.Errors;

namespace Tradeguard.Audit;

/// <summary>One thing <see cref="AuditVerifier"/> found wrong.</summary>
/// <param name="Sequence">The first record affected, or null when the problem is not one record's (a forged
/// checkpoint, a missing key).</param>
/// <param name="Description">What is wrong, in words, naming the record.</param>
public sealed record AuditProblem(long? Sequence, string Description);

/// <summary>What <see cref="AuditVerifier.Verify"/> found: the chain's extent, the checkpoints, and the problems, the
/// first of which names the first bad record.</summary>
/// <param name="Paths">The log that was verified.</param>
/// <param name="RecordCount">Records read.</param>
/// <param name="LastSequence">The last record's sequence (0 for an empty log).</param>
/// <param name="FileCheckpoint">What the checkpoint file held.</param>
/// <param name="VaultCheckpoint">What the copy of the checkpoint beside the vault held.</param>
/// <param name="Problems">Everything wrong, most important first: the chain's first bad record, then the checkpoint
/// file, then the vault checkpoint. Empty when the log is intact.</param>
public sealed record AuditVerification(
    AuditPaths Paths,
    long RecordCount,
    long LastSequence,
    AuditCheckpointRead FileCheckpoint,
    AuditCheckpointRead VaultCheckpoint,
    IReadOnlyList<AuditProblem> Problems)
{
    /// <summary>True when the chain verifies end to end and agrees with both checkpoints.</summary>
    public bool IsIntact => Problems.Count == 0;

    /// <summary>One line for an operator: the extent and checkpoints when intact, else the first problem.</summary>
    public string Summary => IsIntact
        ? $"audit log intact: {RecordCount} records{(LastSequence > 0 ? $" (1-{LastSequence})" : "")}; " +
          $"checkpoint file at {Describe(FileCheckpoint)}, vault checkpoint at {Describe(VaultCheckpoint)}"
        : $"audit log failed verification: {Problems[0].Description}";

    /// <summary>Throws when the log is not intact.</summary>
    /// <exception cref="TradeguardException">Exit 4 with <see cref="Summary"/>.</exception>
    public void ThrowIfTampered()
    {
        if (!IsIntact)
        {
            throw new TradeguardException(ExitCode.IntegrityFailure, Summary);
        }
    }

    private static string Describe(AuditCheckpointRead read) =>
        read.Checkpoint is { } c ? $"record {c.Sequence}" : "none";
}
