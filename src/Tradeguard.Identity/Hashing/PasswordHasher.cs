using Tradeguard.Core.Secrets;

namespace Tradeguard.Identity.Hashing;

/// <summary>
/// Hashes new passwords with the configured algorithm and verifies every format Tradeguard reads: its own
/// Argon2id/Argon2i PHC strings, bcrypt <c>$2a$/$2b$/$2y$</c>, passlib's <c>$bcrypt-sha256$</c> and
/// <c>$pbkdf2-sha256$</c> (also <c>$pbkdf2$</c>, <c>$pbkdf2-sha512$</c>), and ASP.NET Core Identity V2/V3.
/// </summary>
/// <remarks>
/// Thread-safe. Every comparison is constant-time. New hashes record <see cref="PasswordNormalization.Nfc"/>.
/// Usage: <c>var stored = hasher.Hash(pw); … if (hasher.Verify(pw, stored) == SuccessRehashNeeded) store(hasher.Hash(pw));</c>
/// </remarks>
public sealed class PasswordHasher
{
    private static readonly IPasswordHashFormat[] Formats =
    [
        new Argon2Format(), new BcryptSha256Format(), new BcryptFormat(), new Pbkdf2Format(), new AspNetIdentityFormat(),
    ];

    /// <summary>Creates a hasher writing with <paramref name="options"/> (defaults: Argon2id m=65536 KiB, t=3, p=1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public PasswordHasher(HashingOptions? options = null)
    {
        Options = options ?? HashingOptions.Default;
        Options.Validate();
    }

    /// <summary>The algorithm and costs new hashes are written with.</summary>
    public HashingOptions Options { get; }

    /// <summary>Hashes <paramref name="password"/> (NFC-normalised UTF-8) with a fresh CSPRNG salt.</summary>
    /// <exception cref="PasswordRejectedException">Plain bcrypt and a password over 72 bytes or containing NUL.</exception>
    public StoredPasswordHash Hash(Secret password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var encoded = PasswordBytes.With(password, PasswordNormalization.Nfc, bytes => Options.Algorithm switch
        {
            PasswordAlgorithm.Argon2id => Argon2Format.Hash(bytes, Options),
            PasswordAlgorithm.Bcrypt => BcryptFormat.Hash(bytes, Options),
            PasswordAlgorithm.BcryptSha256 => BcryptSha256Format.Hash(bytes, Options),
            PasswordAlgorithm.Pbkdf2Sha256 => Pbkdf2Format.Hash(bytes, Options),
            _ => throw new ArgumentOutOfRangeException(nameof(password), Options.Algorithm, "unknown algorithm"),
        });
        return new StoredPasswordHash(encoded, PasswordNormalization.Nfc);
    }

    /// <summary>
    /// A hash in the configured algorithm at the configured costs that no password matches (its checksum is at
    /// least 184 random bits), made without running the algorithm: verifying against it
    /// costs exactly what verifying a real hash costs, and making it costs nothing. For names that have no account.
    /// </summary>
    public StoredPasswordHash Unmatchable() => new(Options.Algorithm switch
    {
        PasswordAlgorithm.Argon2id => Argon2Format.Unmatchable(Options),
        PasswordAlgorithm.Bcrypt => BcryptFormat.Unmatchable(Options),
        PasswordAlgorithm.BcryptSha256 => BcryptSha256Format.Unmatchable(Options),
        PasswordAlgorithm.Pbkdf2Sha256 => Pbkdf2Format.Unmatchable(Options),
        _ => throw new InvalidOperationException($"unknown algorithm {Options.Algorithm}"),
    }, PasswordNormalization.Nfc);

    /// <summary>Checks <paramref name="password"/> against <paramref name="stored"/> in constant time.</summary>
    /// <returns><see cref="PasswordVerification.SuccessRehashNeeded"/> when it matches but
    /// <see cref="NeedsRehash"/> is true.</returns>
    /// <exception cref="PasswordHashFormatException">The stored hash is in no known format or is malformed (exit 4).</exception>
    public PasswordVerification Verify(Secret password, StoredPasswordHash stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var format = FormatOf(stored.Encoded);
        bool ok;
        try
        {
            ok = PasswordBytes.With(password, stored.Normalization, bytes => format.Verify(bytes, stored.Encoded));
        }
        catch (PasswordRejectedException)
        {
            // A password that the format cannot take (not text, empty against Konscious-only Argon2) never matches.
            ok = false;
        }

        if (!ok)
        {
            return PasswordVerification.Failed;
        }

        return NeedsRehash(stored) ? PasswordVerification.SuccessRehashNeeded : PasswordVerification.Success;
    }

    /// <summary>
    /// True when <paramref name="stored"/> uses another algorithm than <see cref="HashingOptions.Algorithm"/>, a
    /// lower cost, a read-only format (ASP.NET Identity, PBKDF2-SHA1/512, bcrypt-sha256 v1, Argon2i), or no NFC record.
    /// </summary>
    /// <exception cref="PasswordHashFormatException">The stored hash is in no known format or is malformed.</exception>
    public bool NeedsRehash(StoredPasswordHash stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var format = FormatOf(stored.Encoded);
        return format.Algorithm != Options.Algorithm
            || stored.Normalization != PasswordNormalization.Nfc
            || format.IsWeakerThan(stored.Encoded, Options);
    }

    /// <summary>The name of the format of <paramref name="encoded"/> (argon2, bcrypt, bcrypt-sha256, pbkdf2, aspnet-identity), or null.</summary>
    public static string? Identify(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return Formats.FirstOrDefault(f => f.Recognises(encoded)) switch
        {
            Argon2Format => "argon2",
            BcryptSha256Format => "bcrypt-sha256",
            BcryptFormat => "bcrypt",
            Pbkdf2Format => "pbkdf2",
            AspNetIdentityFormat => "aspnet-identity",
            _ => null,
        };
    }

    private static IPasswordHashFormat FormatOf(string encoded) =>
        Formats.FirstOrDefault(f => f.Recognises(encoded))
        ?? throw new PasswordHashFormatException(
            "The stored password hash is in no format Tradeguard reads (argon2id/argon2i PHC, bcrypt $2a$/$2b$/$2y$, " +
            "$bcrypt-sha256$, $pbkdf2-sha256$, ASP.NET Identity V2/V3).");
}
