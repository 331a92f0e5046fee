using Tradeguard.Core.Storage;

namespace Tradeguard.Audit;

/// <summary>
/// Keeps the two copies of the checkpoint, the file beside the log and the file beside the vault, and moves them
/// forward to the committed tail.
/// </summary>
/// <remarks>
/// A checkpoint only ever moves forward, only to a record that is committed (so it never runs ahead of the log), and
/// never away from evidence: a copy that is forged, unreadable, or that no longer matches the log is left as it is
/// for <c>audit verify</c> to report, while appends carry on (nothing is lost). Neither copy is in the vault file, so
/// keeping them never rewrites the vault.
/// </remarks>
internal sealed class AuditCheckpoints
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    private readonly string _file;
    private readonly string _vaultFile;

    public AuditCheckpoints(AuditPaths paths)
    {
        _file = Path.GetFullPath(paths.Checkpoint);
        _vaultFile = Path.GetFullPath(paths.VaultCheckpoint);
    }

    public string FilePath => _file;

    public string VaultFilePath => _vaultFile;

    public AuditCheckpointRead ReadFile(AuditMac macs) => Read(_file, macs);

    public AuditCheckpointRead ReadVault(AuditMac macs) => Read(_vaultFile, macs);

    /// <summary>Moves the file copy, and the vault-side copy when <paramref name="includeVault"/>, to the committed tail.</summary>
    public void Advance(AuditDatabase database, AuditMac macs, bool includeVault)
    {
        // One lock for both copies: two writers never interleave read-compare-write on either.
        using (FileLock.Acquire(_file, LockTimeout))
        {
            var (sequence, mac) = database.Tail();
            if (sequence == 0)
            {
                return;
            }

            var next = new AuditCheckpoint(sequence, mac);
            if (MayAdvance(ReadFile(macs), next, database))
            {
                AtomicFile.WriteText(_file, next.Serialize(macs));
            }

            if (includeVault && MayAdvance(ReadVault(macs), next, database))
            {
                AtomicFile.WriteText(_vaultFile, next.Serialize(macs));
            }
        }
    }

    private static AuditCheckpointRead Read(string path, AuditMac macs) =>
        AuditCheckpoint.Read(File.Exists(path) ? File.ReadAllText(path) : null, macs);

    private static bool MayAdvance(AuditCheckpointRead current, AuditCheckpoint next, AuditDatabase database) =>
        current.State switch
        {
            AuditCheckpointState.Missing => true,
            AuditCheckpointState.Valid => current.Checkpoint!.Sequence < next.Sequence &&
                (current.Checkpoint.Sequence == 0 || database.MacAt(current.Checkpoint.Sequence) is { } stored &&
                    current.Checkpoint.Matches(stored)),
            _ => false,
        };
}
