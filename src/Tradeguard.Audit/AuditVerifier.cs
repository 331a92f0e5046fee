using System.Buffers;
using System.Security.Cryptography;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Audit;

/// <summary>
/// Checks an audit log end to end: every record's MAC under the vault-held key, the sequence without gaps, and the
/// tail against both checkpoints, and names the first bad record and what is wrong with it.
/// </summary>
/// <remarks>
/// Reads the checkpoints before the records, so a writer appending meanwhile can only add records past them and
/// never causes a false report of truncation. Streams the table: memory stays flat for any log size.
/// </remarks>
public static class AuditVerifier
{
    /// <summary>Verifies the log at <paramref name="paths"/> with the key in <paramref name="secrets"/>.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the database is accessible by others or too new; exit 4 when
    /// it is not an audit database at all.</exception>
    public static AuditVerification Verify(AuditPaths paths, ISecretStore secrets)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(secrets);
        var checkpoints = new AuditCheckpoints(paths);
        using var key = AuditKey.TryLoad(secrets);
        using var database = AuditDatabase.OpenForReading(paths.Database);
        var none = new AuditCheckpointRead(AuditCheckpointState.Missing, null);
        if (key is null)
        {
            var (sequence, _) = database?.Tail() ?? (0, []);
            IReadOnlyList<AuditProblem> problems = sequence == 0 && !File.Exists(paths.Checkpoint)
                ? []
                : [new AuditProblem(null, $"the vault holds no audit key at {AuditKey.Reference}, so no record can be verified: restore the vault from its backup")];
            return new AuditVerification(paths, 0, sequence, none, none, problems);
        }

        using var macs = key.CreateMac();
        var file = checkpoints.ReadFile(macs);
        var vault = checkpoints.ReadVault(macs);
        var chain = new ChainCheck(macs, file.Checkpoint?.Sequence, vault.Checkpoint?.Sequence);
        if (database is not null)
        {
            try
            {
                using var cursor = database.OpenCursor();
                while (cursor.Next())
                {
                    chain.Add(cursor);
                }
            }
            catch (TradeguardException e) when (e.ExitCode == ExitCode.IntegrityFailure)
            {
                chain.Stop(e.Message);
            }
        }

        var found = new List<AuditProblem>();
        if (chain.Finish() is { } chainProblem)
        {
            found.Add(chainProblem);
        }

        if (CheckpointProblem($"checkpoint file {checkpoints.FilePath}", "checkpoint file", file, chain, missingIsProblem: true) is { } fileProblem)
        {
            found.Add(fileProblem);
        }

        if (CheckpointProblem("vault checkpoint", "vault checkpoint", vault, chain, missingIsProblem: false) is { } vaultProblem)
        {
            found.Add(vaultProblem);
        }

        return new AuditVerification(paths, chain.Count, chain.Last, file, vault, found);
    }

    private static AuditProblem? CheckpointProblem(string fullName, string name, AuditCheckpointRead read,
        ChainCheck chain, bool missingIsProblem)
    {
        switch (read.State)
        {
            case AuditCheckpointState.Missing:
                return missingIsProblem && chain.Last > 0
                    ? new AuditProblem(null, $"the {fullName} is missing while the log holds records up to {chain.Last}: it was deleted")
                    : null;
            case AuditCheckpointState.Unreadable:
                return new AuditProblem(null, $"the {fullName} is unreadable: it was damaged or replaced");
            case AuditCheckpointState.Forged:
                return new AuditProblem(null, $"the {fullName} is not signed by this installation's audit key: it was forged or copied from another installation");
        }

        var checkpoint = read.Checkpoint!;
        if (checkpoint.Sequence > chain.Last)
        {
            var removed = checkpoint.Sequence - chain.Last;
            return new AuditProblem(chain.Last + 1, chain.Last == 0
                ? $"the log is empty but the {name} records {checkpoint.Sequence}: all {removed} records were removed"
                : $"the log ends at record {chain.Last} but the {name} records {checkpoint.Sequence}: the last {removed} records were removed");
        }

        var stored = chain.MacAtCheckpoint(checkpoint.Sequence);
        if (checkpoint.Sequence > 0 && (stored is null || !checkpoint.Matches(stored)))
        {
            return new AuditProblem(checkpoint.Sequence,
                $"record {checkpoint.Sequence} does not match the {name}: the log was cut back and continued, or rewritten");
        }

        return null;
    }

    /// <summary>The streaming state of one pass over the records.</summary>
    private sealed class ChainCheck(AuditMac macs, long? fileCheckpoint, long? vaultCheckpoint)
    {
        private readonly byte[] _computed = new byte[AuditCanonicalForm.MacLength];
        private readonly ArrayBufferWriter<byte> _canonical = new(512);
        private byte[] _previous = new byte[AuditCanonicalForm.MacLength];
        private long _expected = 1;
        private long _first;
        private bool _anyLinked;
        private long? _unclassified;
        private AuditProblem? _problem;
        private byte[]? _fileCheckpointMac;
        private byte[]? _vaultCheckpointMac;

        public long Count { get; private set; }

        public long Last { get; private set; }

        public byte[]? MacAtCheckpoint(long sequence) =>
            sequence == fileCheckpoint ? _fileCheckpointMac : sequence == vaultCheckpoint ? _vaultCheckpointMac : null;

        public void Add(AuditRowCursor row)
        {
            var sequence = row.Int64(0);
            var mac = row.Bytes(8);
            if (Count++ == 0)
            {
                _first = sequence;
            }

            if (sequence != _expected && _problem is null && _unclassified is null)
            {
                _problem = sequence > _expected
                    ? new AuditProblem(_expected, _expected == 1
                        ? $"record 1 is missing: the log starts at record {sequence}"
                        : $"record {_expected} is missing: the sequence jumps from {_expected - 1} to {sequence}")
                    : new AuditProblem(sequence, $"record {sequence} is not a valid sequence number");
            }

            var damage = Link(row, sequence, mac, out var linked);
            if (_unclassified is { } pending)
            {
                // A record whose successor still chains to its stored MAC was edited in place; one whose successor
                // breaks too was moved, replaced or inserted.
                _problem = linked ? Altered(pending) : OutOfPlace(pending);
                _unclassified = null;
            }

            if (linked)
            {
                _anyLinked = true;
            }
            else if (_problem is null)
            {
                if (damage is not null)
                {
                    _problem = new AuditProblem(sequence, $"record {sequence} is damaged: {damage}");
                }
                else
                {
                    _unclassified = sequence;
                }
            }

            if (sequence == fileCheckpoint)
            {
                _fileCheckpointMac = mac.ToArray();
            }

            if (sequence == vaultCheckpoint)
            {
                _vaultCheckpointMac = mac.ToArray();
            }

            if (_previous.Length == mac.Length)
            {
                mac.CopyTo(_previous);
            }
            else
            {
                _previous = mac.ToArray();
            }

            _expected = sequence + 1;
            Last = sequence;
        }

        public void Stop(string reason) =>
            _problem ??= new AuditProblem(_unclassified ?? Last + 1, reason);

        public AuditProblem? Finish()
        {
            if (_unclassified is { } pending)
            {
                _problem = Altered(pending);
                _unclassified = null;
            }

            if (_problem is not null && !_anyLinked && Count > 1 && _problem.Sequence == _first)
            {
                return new AuditProblem(_first,
                    $"no record verifies under this installation's audit key (first bad record {_first}): the log was replaced by a chain made without the key");
            }

            return _problem;
        }

        private static AuditProblem Altered(long sequence) =>
            new(sequence, $"record {sequence} was altered: its MAC does not match its contents");

        private static AuditProblem OutOfPlace(long sequence) =>
            new(sequence, $"record {sequence} is out of place: its MAC does not match its position in the chain (records were reordered, replaced or inserted)");

        private string? Link(AuditRowCursor row, long sequence, ReadOnlySpan<byte> mac, out bool linked)
        {
            linked = false;
            if (mac.Length != AuditCanonicalForm.MacLength)
            {
                return $"its MAC is {mac.Length} bytes, not {AuditCanonicalForm.MacLength}";
            }

            _canonical.ResetWrittenCount();
            AuditCanonicalForm.WriteString(_canonical, AuditCanonicalForm.RecordLabel);
            AuditCanonicalForm.WriteInt64(_canonical, sequence);
            AuditCanonicalForm.WriteInt64(_canonical, row.Int64(1));
            for (var column = 2; column <= 6; column++)
            {
                AuditCanonicalForm.WriteString(_canonical, row.Bytes(column));
            }

            if (!AuditCanonicalForm.TryWriteDetails(_canonical, row.Bytes(7)))
            {
                return "its details are not a JSON object of strings";
            }

            _canonical.Write(_previous);
            macs.Compute(_canonical.WrittenSpan, _computed);
            linked = CryptographicOperations.FixedTimeEquals(_computed, mac);
            return null;
        }
    }
}
