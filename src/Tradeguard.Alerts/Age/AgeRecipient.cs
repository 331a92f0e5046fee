using System.Diagnostics.CodeAnalysis;

namespace Tradeguard.Alerts.Age;

/// <summary>
/// An age X25519 recipient: the public key an operator gives out as <c>age1…</c> (age v1 spec, "The X25519
/// recipient type", age-encryption.org/v1). Not secret: it can only seal, never open.
/// </summary>
public sealed class AgeRecipient
{
    /// <summary>The Bech32 human-readable part of recipients.</summary>
    internal const string Hrp = "age";

    private readonly byte[] _publicKey;

    internal AgeRecipient(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 32)
        {
            throw new ArgumentException("An X25519 public key is 32 bytes", nameof(publicKey));
        }

        _publicKey = publicKey.ToArray();
    }

    /// <summary>The 32-byte X25519 public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Parses <c>age1…</c>; returns false (never throws) for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AgeRecipient? recipient)
    {
        recipient = null;
        var trimmed = text?.Trim();
        if (trimmed is null || !trimmed.StartsWith("age1", StringComparison.Ordinal)
            || !Bech32.TryDecode(trimmed, Hrp, out var key) || key.Length != 32)
        {
            return false;
        }

        recipient = new AgeRecipient(key);
        return true;
    }

    /// <summary>Parses <c>age1…</c>.</summary>
    /// <exception cref="FormatException">The text is not an age X25519 recipient.</exception>
    public static AgeRecipient Parse(string text) =>
        TryParse(text, out var r) ? r
            : throw new FormatException("Not an age X25519 recipient: expected the 'age1…' line that 'age-keygen' prints as 'Public key'.");

    /// <summary>The <c>age1…</c> form.</summary>
    public override string ToString() => Bech32.Encode(Hrp, _publicKey);
}
