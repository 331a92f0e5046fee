using System.Security.Cryptography;
using System.Text;

namespace Tradeguard.Core.Secrets;

/// <summary>
/// A secret value (API key, token, passphrase, key material) owned as bytes, zeroed on <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// <para>The value cannot leak by accident: <see cref="ToString"/> prints <c>[redacted]</c>, there is no implicit
/// conversion, and the bytes are reached only through an explicit <see cref="Use{T}"/> or <see cref="Reveal"/> call,
/// so every place that touches a clear value is visible in a search for those names (after NSec's <c>Key</c>).</para>
/// <para>Text secrets are stored as UTF-8. After <see cref="Dispose"/> every access throws
/// <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed class Secret : IDisposable, IEquatable<Secret>
{
    private readonly byte[] _bytes;
    private bool _disposed;

    private Secret(byte[] ownedBytes)
    {
        _bytes = ownedBytes;
    }

    /// <summary>Copies <paramref name="bytes"/> into a new secret; the caller should zero its own copy.</summary>
    public static Secret FromBytes(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>Encodes <paramref name="text"/> as UTF-8 into a new secret.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static Secret FromString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Secret(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Encodes <paramref name="chars"/> as UTF-8 into a new secret without making a string.</summary>
    public static Secret FromChars(ReadOnlySpan<char> chars)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(chars)];
        Encoding.UTF8.GetBytes(chars, bytes);
        return new Secret(bytes);
    }

    /// <summary>Creates a secret of <paramref name="length"/> bytes from the operating system's CSPRNG.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static Secret Random(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new Secret(RandomNumberGenerator.GetBytes(length));
    }

    /// <summary>The length of the value in bytes.</summary>
    public int Length
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes.Length;
        }
    }

    /// <summary>Runs <paramref name="use"/> over the clear bytes; the span must not be stored.</summary>
    /// <exception cref="ObjectDisposedException">The secret was disposed.</exception>
    public T Use<T>(SecretFunc<T> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return use(_bytes);
    }

    /// <summary>Runs <paramref name="use"/> over the clear bytes; the span must not be stored.</summary>
    /// <exception cref="ObjectDisposedException">The secret was disposed.</exception>
    public void Use(SecretAction use)
    {
        ArgumentNullException.ThrowIfNull(use);
        ObjectDisposedException.ThrowIf(_disposed, this);
        use(_bytes);
    }

    /// <summary>
    /// Returns the value as a string. Strings cannot be zeroed, so call this only where an API demands a string
    /// (a child process's environment, an HTTP header) and register the value with the redactor.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The secret was disposed.</exception>
    /// <exception cref="Errors.TradeguardException">Exit 4 when the bytes are not UTF-8 text (a raw key); the message
    /// says so without quoting them.</exception>
    public string Reveal()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return new UTF8Encoding(false, true).GetString(_bytes);
        }
        catch (DecoderFallbackException)
        {
            // The decoder's own message quotes the offending bytes.
            throw new Errors.TradeguardException(Errors.ExitCode.IntegrityFailure,
                "a stored value is binary, not UTF-8 text, so it cannot be used as text.");
        }
    }

    /// <summary>The masked display form (<see cref="SecretMask"/>): never more than the first and last 4 characters.</summary>
    public string Mask() => SecretMask.Mask(Reveal());

    /// <summary>Compares two secrets in constant time for equal lengths.</summary>
    public bool Equals(Secret? other)
    {
        if (other is null)
        {
            return false;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        ObjectDisposedException.ThrowIf(other._disposed, other);
        return CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Secret s && Equals(s);

    /// <summary>Constant for all secrets: a hash code derived from the value would leak information.</summary>
    public override int GetHashCode() => 0;

    /// <summary>Always <c>[redacted]</c>.</summary>
    public override string ToString() => "[redacted]";

    /// <summary>Zeroes the bytes. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_bytes);
            _disposed = true;
        }
    }
}

/// <summary>A computation over a secret's clear bytes.</summary>
public delegate T SecretFunc<out T>(ReadOnlySpan<byte> clear);

/// <summary>An action over a secret's clear bytes.</summary>
public delegate void SecretAction(ReadOnlySpan<byte> clear);
