namespace Tradeguard.Identity.Hashing;

/// <summary>One stored-hash format that <see cref="PasswordHasher"/> can read (and perhaps write).</summary>
internal interface IPasswordHashFormat
{
    /// <summary>The algorithm this format is, when Tradeguard writes it; null for read-only formats.</summary>
    PasswordAlgorithm? Algorithm { get; }

    /// <summary>True when <paramref name="encoded"/> has this format's prefix or shape (cheap, no parsing).</summary>
    bool Recognises(string encoded);

    /// <summary>Recomputes the hash of <paramref name="password"/> (UTF-8) and compares in constant time.</summary>
    /// <exception cref="PasswordHashFormatException">The encoded hash is malformed.</exception>
    bool Verify(ReadOnlySpan<byte> password, string encoded);

    /// <summary>True when the hash's cost is below what <paramref name="options"/> would write.</summary>
    bool IsWeakerThan(string encoded, HashingOptions options);
}
