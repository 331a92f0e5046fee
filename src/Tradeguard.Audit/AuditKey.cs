using System.Security.Cryptography;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Audit;

/// <summary>
/// The HMAC-SHA256 key that chains an installation's audit records, held in the vault at
/// <c>vault://tradeguard/audit_key</c> (32 bytes from the CSPRNG, created on first use). Whoever can write the log
/// file but cannot open the vault cannot forge a chain that verifies.
/// </summary>
/// <remarks>The bytes are zeroed on <see cref="Dispose"/>; <see cref="ToString"/> never shows them.</remarks>
public sealed class AuditKey : IDisposable
{
    /// <summary>Key length in bytes (the HMAC-SHA256 block-size-independent recommendation of RFC 2104: at least the
    /// hash output length).</summary>
    public const int Length = 32;

    private readonly byte[] _bytes;
    private bool _disposed;

    private AuditKey(byte[] ownedBytes)
    {
        _bytes = ownedBytes;
    }

    /// <summary>Where the key lives in the vault.</summary>
    public static SecretReference Reference { get; } = new("tradeguard", "audit_key");

    /// <summary>Reads the key from <paramref name="secrets"/>; null when the vault holds none.</summary>
    /// <exception cref="TradeguardException">Exit 4 when the stored key is damaged or not <see cref="Length"/> bytes,
    /// naming the entry and the fix.</exception>
    public static AuditKey? TryLoad(ISecretStore secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        Secret? stored;
        try
        {
            stored = secrets.TryGet(Reference);
        }
        catch (TradeguardException e) when (e.ExitCode == ExitCode.IntegrityFailure)
        {
            throw new TradeguardException(ExitCode.IntegrityFailure,
                $"The vault's internal entry {Reference} (the audit log's key, which every command that records an event needs) " +
                "is damaged. Run 'tradeguard vault recover': it takes the entry from the vault's backup (vault.tgv.bak).", e);
        }

        using var owned = stored;
        if (owned is null)
        {
            return null;
        }

        if (owned.Length != Length)
        {
            throw new TradeguardException(
                ExitCode.IntegrityFailure,
                $"The audit key at {Reference} is {owned.Length} bytes, not {Length}: the vault entry was replaced or damaged. Restore the vault from its backup.");
        }

        return new AuditKey(owned.Use(b => b.ToArray()));
    }

    /// <summary>Reads the key, or creates 32 random bytes and stores them in the vault when there is none yet.</summary>
    /// <exception cref="TradeguardException">Exit 4 when the stored key has the wrong length.</exception>
    public static AuditKey LoadOrCreate(ISecretStore secrets)
    {
        var existing = TryLoad(secrets);
        if (existing is not null)
        {
            return existing;
        }

        using var fresh = Secret.Random(Length);
        secrets.Set(Reference, fresh);
        return new AuditKey(fresh.Use(b => b.ToArray()));
    }

    /// <summary>Always <c>[redacted]</c>.</summary>
    public override string ToString() => "[redacted]";

    /// <summary>Zeroes the key bytes.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_bytes);
            _disposed = true;
        }
    }

    internal AuditMac CreateMac()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new AuditMac(_bytes);
    }
}
