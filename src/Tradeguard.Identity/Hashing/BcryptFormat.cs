using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using BCryptNet = BCrypt.Net.BCrypt;

namespace Tradeguard.Identity.Hashing;

/// <summary>
/// bcrypt in modular crypt format, <c>$2b$&lt;cost&gt;$&lt;22-char salt&gt;&lt;31-char hash&gt;</c> (OpenBSD), via BCrypt.Net-Next.
/// Reads <c>$2a$</c>, <c>$2b$</c> and <c>$2y$</c> (identical output for passwords under 255 bytes); writes <c>$2b$</c>.
/// </summary>
/// <remarks>
/// bcrypt uses only the first 72 bytes of its key and stops at a NUL byte in C implementations. Tradeguard never
/// truncates silently: a password over 72 UTF-8 bytes is refused when hashing and never matches when verifying, and a
/// password containing NUL is refused as passlib refuses it (<c>NullPasswordError</c>). Use
/// <see cref="PasswordAlgorithm.BcryptSha256"/> or Argon2id for longer passwords.
/// </remarks>
internal sealed partial class BcryptFormat : IPasswordHashFormat
{
    /// <summary>The most bytes bcrypt reads from a key.</summary>
    public const int MaxPasswordBytes = 72;

    public PasswordAlgorithm? Algorithm => PasswordAlgorithm.Bcrypt;

    public bool Recognises(string encoded) => encoded.StartsWith("$2", StringComparison.Ordinal);

    public static string Hash(ReadOnlySpan<byte> password, HashingOptions options)
    {
        if (password.Length > MaxPasswordBytes)
        {
            throw new PasswordRejectedException(
                $"The password is {password.Length} bytes in UTF-8; bcrypt reads only the first {MaxPasswordBytes}, so it is " +
                "refused rather than truncated. Use a shorter password, or the argon2id or bcrypt-sha256 algorithm.");
        }

        if (password.Contains((byte)0) || !Utf8.IsValid(password))
        {
            throw new PasswordRejectedException(
                "The password contains a NUL character (or is not UTF-8 text), which bcrypt cannot hash, as in passlib. Use argon2id or bcrypt-sha256.");
        }

        return Compute(password, BCryptNet.GenerateSalt(options.BcryptCost, 'b'));
    }

    /// <summary>A well-formed <c>$2b$</c> hash at <paramref name="options"/>' cost with a random checksum, without running bcrypt.</summary>
    public static string Unmatchable(HashingOptions options) =>
        BCryptNet.GenerateSalt(options.BcryptCost, 'b') + RandomChecksum();

    /// <summary>31 random characters of bcrypt's base64 alphabet: the checksum part of a hash.</summary>
    internal static string RandomChecksum() =>
        RandomNumberGenerator.GetString("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 31);

    public bool Verify(ReadOnlySpan<byte> password, string encoded)
    {
        var config = ParseConfig(encoded);
        if (password.Length > MaxPasswordBytes || password.Contains((byte)0) || !Utf8.IsValid(password))
        {
            return false;
        }

        return FixedTimeEquals(Compute(password, config), encoded);
    }

    public bool IsWeakerThan(string encoded, HashingOptions options) => Cost(encoded) < options.BcryptCost;

    /// <summary>The cost field of a bcrypt hash.</summary>
    /// <exception cref="PasswordHashFormatException">Malformed hash.</exception>
    public static int Cost(string encoded) =>
        int.Parse(ParseConfig(encoded).AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The <c>$2b$12$&lt;salt&gt;</c> prefix (29 characters) after checking the whole shape.</summary>
    /// <exception cref="PasswordHashFormatException">Malformed hash or unsupported minor version ($2$, $2x$).</exception>
    public static string ParseConfig(string encoded)
    {
        var m = Shape().Match(encoded);
        if (!m.Success)
        {
            throw new PasswordHashFormatException(
                "The bcrypt hash is malformed or of an unsupported kind: expected $2a$, $2b$ or $2y$, a cost 04-31 and " +
                "53 characters of salt and hash ($2x$ is crypt_blowfish's buggy variant and is not read).");
        }

        return encoded[..29];
    }

    /// <summary>bcrypt of <paramref name="key"/> (UTF-8, no NUL, at most 72 bytes) under <paramref name="config"/>.</summary>
    /// <remarks>BCrypt.Net-Next takes the key as a string, so only valid UTF-8 keys pass through unchanged.</remarks>
    internal static string Compute(ReadOnlySpan<byte> key, string config) =>
        BCryptNet.HashPassword(Encoding.UTF8.GetString(key), config);

    internal static bool FixedTimeEquals(string computed, string encoded) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(encoded));

    [GeneratedRegex(@"^\$2[aby]\$(0[4-9]|[12][0-9]|3[01])\$[./A-Za-z0-9]{53}$")]
    private static partial Regex Shape();
}
