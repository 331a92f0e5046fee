using System.Buffers;
using System.Security.Cryptography;

namespace Tradeguard.Audit;

/// <summary>
/// Computes record MACs and checkpoint tags (HMAC-SHA256, RFC 2104, via System.Security.Cryptography) over the
/// <see cref="AuditCanonicalForm"/>. Reuses one HMAC state and one buffer, so it is not thread-safe: one per writer
/// or verifier.
/// </summary>
internal sealed class AuditMac : IDisposable
{
    private readonly IncrementalHash _hmac;
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    public AuditMac(ReadOnlySpan<byte> key)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
    }

    public void ComputeRecord(long sequence, long timeMicros, string actor, string action, string target,
        string outcome, string reason, IReadOnlyList<KeyValuePair<string, string>> details,
        ReadOnlySpan<byte> previousMac, Span<byte> mac)
    {
        _buffer.ResetWrittenCount();
        AuditCanonicalForm.WriteRecord(_buffer, sequence, timeMicros, actor, action, target, outcome, reason, details,
            previousMac);
        Finish(mac);
    }

    /// <summary>The MAC of canonical bytes built by the caller.</summary>
    public void Compute(ReadOnlySpan<byte> canonical, Span<byte> mac)
    {
        _hmac.AppendData(canonical);
        _hmac.GetHashAndReset(mac);
    }

    public byte[] ComputeCheckpointTag(long sequence, ReadOnlySpan<byte> mac)
    {
        _buffer.ResetWrittenCount();
        AuditCanonicalForm.WriteCheckpoint(_buffer, sequence, mac);
        var tag = new byte[AuditCanonicalForm.MacLength];
        Finish(tag);
        return tag;
    }

    public void Dispose()
    {
        _hmac.Dispose();
    }

    private void Finish(Span<byte> mac)
    {
        _hmac.AppendData(_buffer.WrittenSpan);
        _hmac.GetHashAndReset(mac);
    }
}
