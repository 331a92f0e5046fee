using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Tradeguard.Identity.Hashing;

/// <summary>
/// PBKDF2 (RFC 8018) in passlib's modular crypt format: <c>$pbkdf2-sha256$&lt;rounds&gt;$&lt;ab64 salt&gt;$&lt;ab64 key&gt;</c>,
/// with passlib's adapted base64 ('.' for '+', no padding). Writes HMAC-SHA256 with a 16-byte salt and a 32-byte
/// key; also reads passlib's <c>$pbkdf2$</c> (SHA-1) and <c>$pbkdf2-sha512$</c>.
/// Source: passlib docs, passlib.hash.pbkdf2_digest.
/// </summary>
internal sealed partial class Pbkdf2Format : IPasswordHashFormat
{
    private const int SaltBytes = 16;

    public PasswordAlgorithm? Algorithm => PasswordAlgorithm.Pbkdf2Sha256;

    public bool Recognises(string encoded) => encoded.StartsWith("$pbkdf2", StringComparison.Ordinal);

    public static string Hash(ReadOnlySpan<byte> password, HashingOptions options)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Rfc2898DeriveBytes.Pbkdf2(password, salt, options.Pbkdf2Iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture,
            $"$pbkdf2-sha256${options.Pbkdf2Iterations}${HashEncoding.ToAdaptedBase64(salt)}${HashEncoding.ToAdaptedBase64(key)}");
    }

    /// <summary>A well-formed hash at <paramref name="options"/>' iterations made of random bytes, without running PBKDF2.</summary>
    public static string Unmatchable(HashingOptions options) =>
        string.Create(CultureInfo.InvariantCulture,
            $"$pbkdf2-sha256${options.Pbkdf2Iterations}${HashEncoding.ToAdaptedBase64(RandomNumberGenerator.GetBytes(SaltBytes))}${HashEncoding.ToAdaptedBase64(RandomNumberGenerator.GetBytes(32))}");

    public bool Verify(ReadOnlySpan<byte> password, string encoded)
    {
        var p = Parse(encoded);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, p.Salt, p.Rounds, p.Digest, p.Key.Length);
        try
        {
            return CryptographicOperations.FixedTimeEquals(actual, p.Key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(actual);
        }
    }

    public bool IsWeakerThan(string encoded, HashingOptions options)
    {
        var p = Parse(encoded);
        return p.Digest != HashAlgorithmName.SHA256 || p.Rounds < options.Pbkdf2Iterations;
    }

    private static Parsed Parse(string encoded)
    {
        var m = Shape().Match(encoded);
        if (!m.Success)
        {
            throw new PasswordHashFormatException(
                "The PBKDF2 hash is malformed: expected $pbkdf2-sha256$<rounds>$<salt>$<key> in passlib's adapted base64.");
        }

        var (digest, size) = m.Groups["d"].Value switch
        {
            "" => (HashAlgorithmName.SHA1, 20),
            "-sha256" => (HashAlgorithmName.SHA256, 32),
            _ => (HashAlgorithmName.SHA512, 64),
        };
        if (!int.TryParse(m.Groups["r"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) || rounds < 1
            || m.Groups["r"].Value.StartsWith('0')
            || !HashEncoding.TryFromAdaptedBase64(m.Groups["salt"].Value, out var salt)
            || !HashEncoding.TryFromAdaptedBase64(m.Groups["key"].Value, out var key) || key.Length != size)
        {
            throw new PasswordHashFormatException(
                "The PBKDF2 hash has a bad rounds count, salt or key (the key must be the digest's full length).");
        }

        return new Parsed(digest, rounds, salt, key);
    }

    private sealed record Parsed(HashAlgorithmName Digest, int Rounds, byte[] Salt, byte[] Key);

    [GeneratedRegex(@"^\$pbkdf2(?<d>|-sha256|-sha512)\$(?<r>\d{1,10})\$(?<salt>[./A-Za-z0-9]*)\$(?<key>[./A-Za-z0-9]+)$")]
    private static partial Regex Shape();
}
