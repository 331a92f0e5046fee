using System.Security.Cryptography;
using System.Text.Json;

namespace Tradeguard.Audit;

/// <summary>
/// The latest (sequence, MAC) of the chain, tagged with HMAC-SHA256 under the audit key, so that a log cut short at
/// its tail is told apart from a log that never had those records (docs/audit.md, "Checkpoints").
/// </summary>
/// <remarks>Both checkpoint files (beside the log and beside the vault) hold one line of JSON:
/// <c>{"format":"tradeguard-audit-checkpoint/1","sequence":N,"mac":"hex","tag":"hex"}</c>.</remarks>
/// <param name="Sequence">The checkpointed record's sequence (0 for an empty log).</param>
/// <param name="Mac">That record's MAC, 32 bytes.</param>
public sealed record AuditCheckpoint(long Sequence, byte[] Mac)
{
    /// <summary>The <c>format</c> value of version 1.</summary>
    public const string Format = "tradeguard-audit-checkpoint/1";

    /// <summary>True when <paramref name="mac"/> equals this checkpoint's MAC (constant time).</summary>
    public bool Matches(ReadOnlySpan<byte> mac) => CryptographicOperations.FixedTimeEquals(Mac, mac);

    internal string Serialize(AuditMac macs)
    {
        var tag = macs.ComputeCheckpointTag(Sequence, Mac);
        return JsonSerializer.Serialize(new Stored(Format, Sequence, Convert.ToHexStringLower(Mac), Convert.ToHexStringLower(tag)),
            AuditJsonContext.Default.AuditCheckpointStored) + "\n";
    }

    /// <summary>Parses and authenticates <paramref name="text"/>; the reason it was refused otherwise.</summary>
    internal static AuditCheckpointRead Read(string? text, AuditMac macs)
    {
        if (text is null)
        {
            return new AuditCheckpointRead(AuditCheckpointState.Missing, null);
        }

        Stored? stored;
        try
        {
            stored = JsonSerializer.Deserialize(text, AuditJsonContext.Default.AuditCheckpointStored);
        }
        catch (JsonException)
        {
            stored = null;
        }

        if (stored is not { Format: Format, Sequence: >= 0 } ||
            !TryHex(stored.Mac, out var mac) || !TryHex(stored.Tag, out var tag))
        {
            return new AuditCheckpointRead(AuditCheckpointState.Unreadable, null);
        }

        return Authenticate(stored.Sequence, mac, tag, macs);
    }

    private static AuditCheckpointRead Authenticate(long sequence, byte[] mac, ReadOnlySpan<byte> tag, AuditMac macs)
    {
        if (sequence < 0)
        {
            return new AuditCheckpointRead(AuditCheckpointState.Unreadable, null);
        }

        var expected = macs.ComputeCheckpointTag(sequence, mac);
        return CryptographicOperations.FixedTimeEquals(expected, tag)
            ? new AuditCheckpointRead(AuditCheckpointState.Valid, new AuditCheckpoint(sequence, mac))
            : new AuditCheckpointRead(AuditCheckpointState.Forged, null);
    }

    private static bool TryHex(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is not { Length: AuditCanonicalForm.MacLength * 2 })
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    internal sealed record Stored(
        [property: System.Text.Json.Serialization.JsonPropertyName("format")] string Format,
        [property: System.Text.Json.Serialization.JsonPropertyName("sequence")] long Sequence,
        [property: System.Text.Json.Serialization.JsonPropertyName("mac")] string Mac,
        [property: System.Text.Json.Serialization.JsonPropertyName("tag")] string Tag);
}

/// <summary>What reading a stored checkpoint found.</summary>
public enum AuditCheckpointState
{
    /// <summary>There is no checkpoint.</summary>
    Missing,

    /// <summary>The text is not a checkpoint of a known format.</summary>
    Unreadable,

    /// <summary>The checkpoint is well formed but its tag was not made with this installation's audit key.</summary>
    Forged,

    /// <summary>The checkpoint is authentic.</summary>
    Valid,
}

/// <summary>The result of reading a stored checkpoint: its state and, when valid, the checkpoint.</summary>
/// <param name="State">What was found.</param>
/// <param name="Checkpoint">The checkpoint when <paramref name="State"/> is <see cref="AuditCheckpointState.Valid"/>.</param>
public readonly record struct AuditCheckpointRead(AuditCheckpointState State, AuditCheckpoint? Checkpoint);
