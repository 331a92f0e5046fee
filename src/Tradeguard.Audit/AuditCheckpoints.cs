using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;

namespace Tradeguard.Audit;

/// <summary>
/// Keeps the two copies of the checkpoint, the file beside the log and the vault entry
/// <c>vault://tradeguard/audit_checkpoint</c>, and moves them forward to the committed tail.
/// </summary>
/// <remarks>
/// A checkpoint only ever moves forward, only to a record that is committed (so it never runs ahead of the log), and
/// never away from evidence: a copy that is forged, unreadable, or that no longer matches the log is left as it is
/// for <c>audit verify</c> to report, while appends carry on (nothing is lost).
/// </remarks>
internal sealed class AuditCheckpoints
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    private readonly string _file;
    private readonly ISecretStore _secrets;

    // The log's tail right after this instance wrote the vault copy: the records up to it are the vault's own record
    // of that write, which the vault copy can never include, so writing it again for them would only add another one.
    private long _tailAfterVaultWrite = -1;

    public AuditCheckpoints(string file, ISecretStore secrets)
    {
        _file = Path.GetFullPath(file);
        _secrets = secrets;
    }

    /// <summary>Where the vault copy lives.</summary>
    public static SecretReference VaultReference { get; } = new("tradeguard", "audit_checkpoint");

    public string FilePath => _file;

    public AuditCheckpointRead ReadFile(AuditMac macs) =>
        AuditCheckpoint.Read(File.Exists(_file) ? File.ReadAllText(_file) : null, macs);

    public AuditCheckpointRead ReadVault(AuditMac macs)
    {
        using var stored = _secrets.TryGet(VaultReference);
        return stored is null
            ? new AuditCheckpointRead(AuditCheckpointState.Missing, null)
            : stored.Use(bytes => AuditCheckpoint.ReadBinary(bytes, macs));
    }

    /// <summary>Moves the file copy, and the vault copy when <paramref name="includeVault"/>, to the committed tail.</summary>
    public void Advance(AuditDatabase database, AuditMac macs, bool includeVault)
    {
        byte[]? vaultCopy = null;
        // One lock for the file copy: two writers never interleave read-compare-write on it.
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

            if (includeVault && sequence != _tailAfterVaultWrite && MayAdvance(ReadVault(macs), next, database))
            {
                vaultCopy = next.SerializeBinary(macs);
            }
        }

        // Outside the file lock: the vault audits its own writes, and that record comes back here to advance the
        // file. A race with another process can only leave the vault copy at an older, still valid, checkpoint.
        if (vaultCopy is not null)
        {
            using var value = Secret.FromBytes(vaultCopy);
            _secrets.Set(VaultReference, value);
            _tailAfterVaultWrite = database.Tail().Sequence;
        }
    }

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
