namespace Tradeguard.Identity.Hashing;

/// <summary>
/// Which algorithm new hashes use and at what cost. Hashes below these costs are reported by
/// <see cref="PasswordHasher.NeedsRehash"/> so that the next successful login upgrades them.
/// </summary>
/// <remarks>
/// Defaults: Argon2id m = 65536 KiB, t = 3, p = 1 (above every OWASP Password Storage Cheat Sheet minimum, e.g.
/// m = 19456 KiB, t = 2); bcrypt cost 12 (OWASP minimum 10); PBKDF2-HMAC-SHA256 600,000 iterations (OWASP).
/// </remarks>
public sealed record HashingOptions
{
    /// <summary>The defaults above with Argon2id.</summary>
    public static HashingOptions Default { get; } = new();

    /// <summary>The algorithm new hashes are written with.</summary>
    public PasswordAlgorithm Algorithm { get; init; } = PasswordAlgorithm.Argon2id;

    /// <summary>Argon2 memory in KiB (m); at least 8 × <see cref="Argon2Parallelism"/>.</summary>
    public int Argon2MemoryKiB { get; init; } = 65536;

    /// <summary>Argon2 passes over memory (t); at least 1.</summary>
    public int Argon2Iterations { get; init; } = 3;

    /// <summary>Argon2 lanes (p); 1 uses libsodium, more uses Konscious.Security.Cryptography.</summary>
    public int Argon2Parallelism { get; init; } = 1;

    /// <summary>bcrypt cost (log2 of the rounds), 4-31.</summary>
    public int BcryptCost { get; init; } = 12;

    /// <summary>PBKDF2-HMAC-SHA256 iterations; at least 1.</summary>
    public int Pbkdf2Iterations { get; init; } = 600_000;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A cost is outside the range its algorithm accepts.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Argon2Iterations, 1, nameof(Argon2Iterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(Argon2Parallelism, 1, nameof(Argon2Parallelism));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Argon2Parallelism, 255, nameof(Argon2Parallelism));
        ArgumentOutOfRangeException.ThrowIfLessThan(Argon2MemoryKiB, 8 * Argon2Parallelism, nameof(Argon2MemoryKiB));
        ArgumentOutOfRangeException.ThrowIfLessThan(BcryptCost, 4, nameof(BcryptCost));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BcryptCost, 31, nameof(BcryptCost));
        ArgumentOutOfRangeException.ThrowIfLessThan(Pbkdf2Iterations, 1, nameof(Pbkdf2Iterations));
    }
}
