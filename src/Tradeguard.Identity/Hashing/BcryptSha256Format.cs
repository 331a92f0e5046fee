using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BCryptNet = BCrypt.Net.BCrypt;

namespace Tradeguard.Identity.Hashing;

/// <summary>
/// passlib's <c>bcrypt_sha256</c>: bcrypt over <c>base64(HMAC-SHA256(key = salt, msg = password))</c> (version 2,
/// <c>$bcrypt-sha256$v=2,t=2b,r=12$&lt;salt&gt;$&lt;hash&gt;</c>, passlib 1.7.3+), or over <c>base64(SHA-256(password))</c>
/// (version 1, <c>$bcrypt-sha256$2b,12$&lt;salt&gt;$&lt;hash&gt;</c>, read only). The 44-byte key removes bcrypt's 72-byte
/// limit and its NUL problem. Source: passlib/handlers/bcrypt.py, <c>bcrypt_sha256._calc_checksum</c>.
/// </summary>
internal sealed partial class BcryptSha256Format : IPasswordHashFormat
{
    private const string Prefix = "$bcrypt-sha256$";

    public PasswordAlgorithm? Algorithm => PasswordAlgorithm.BcryptSha256;

    public bool Recognises(string encoded) => encoded.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Hash(ReadOnlySpan<byte> password, HashingOptions options)
    {
        var salt = BCryptNet.GenerateSalt(options.BcryptCost, 'b')[7..];
        var parsed = new Parsed(2, "2b", options.BcryptCost, salt, "");
        return $"{Prefix}v=2,t=2b,r={options.BcryptCost}${salt}${Checksum(password, parsed)}";
    }

    /// <summary>A well-formed v2 hash at <paramref name="options"/>' cost with a random checksum, without running bcrypt.</summary>
    public static string Unmatchable(HashingOptions options) =>
        $"{Prefix}v=2,t=2b,r={options.BcryptCost}${BCryptNet.GenerateSalt(options.BcryptCost, 'b')[7..]}${BcryptFormat.RandomChecksum()}";

    public bool Verify(ReadOnlySpan<byte> password, string encoded)
    {
        var parsed = Parse(encoded);
        var actual = Checksum(password, parsed);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(actual), Encoding.ASCII.GetBytes(parsed.Checksum));
    }

    public bool IsWeakerThan(string encoded, HashingOptions options)
    {
        var parsed = Parse(encoded);
        return parsed.Version < 2 || parsed.Cost < options.BcryptCost;
    }

    private static string Checksum(ReadOnlySpan<byte> password, Parsed parsed)
    {
        Span<byte> digest = stackalloc byte[32];
        if (parsed.Version == 1)
        {
            SHA256.HashData(password, digest); // tradeguard:allow weak-password-hash (passlib's v1 pre-hash; bcrypt follows)
        }
        else
        {
            HMACSHA256.HashData(Encoding.ASCII.GetBytes(parsed.Salt), password, digest);
        }

        var key = Encoding.ASCII.GetBytes(Convert.ToBase64String(digest));
        CryptographicOperations.ZeroMemory(digest);
        try
        {
            var config = string.Create(CultureInfo.InvariantCulture, $"${parsed.Type}${parsed.Cost:D2}${parsed.Salt}");
            return BcryptFormat.Compute(key, config)[29..];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static Parsed Parse(string encoded)
    {
        var m = V2().Match(encoded);
        if (m.Success && m.Groups["v"].Value == "2")
        {
            return new Parsed(2, "2b", Rounds(m), m.Groups["salt"].Value, m.Groups["hash"].Value);
        }

        m = V1().Match(encoded);
        if (m.Success)
        {
            return new Parsed(1, m.Groups["type"].Value, Rounds(m), m.Groups["salt"].Value, m.Groups["hash"].Value);
        }

        throw new PasswordHashFormatException(
            "The bcrypt-sha256 hash is malformed: expected $bcrypt-sha256$v=2,t=2b,r=<cost>$<22-char salt>$<31-char hash>.");
    }

    private static int Rounds(Match m)
    {
        var cost = int.Parse(m.Groups["r"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return cost is >= 4 and <= 31 && !(m.Groups["r"].Value.StartsWith('0'))
            ? cost
            : throw new PasswordHashFormatException("The bcrypt-sha256 hash has a cost outside 4-31 (or zero-padded).");
    }

    private sealed record Parsed(int Version, string Type, int Cost, string Salt, string Checksum);

    [GeneratedRegex(@"^\$bcrypt-sha256\$v=(?<v>\d+),t=2b,r=(?<r>\d{1,2})\$(?<salt>[./A-Za-z0-9]{21}[.Oeu])\$(?<hash>[./A-Za-z0-9]{31})$")]
    private static partial Regex V2();

    [GeneratedRegex(@"^\$bcrypt-sha256\$(?<type>2[ab]),(?<r>\d{1,2})\$(?<salt>[./A-Za-z0-9]{21}[.Oeu])\$(?<hash>[./A-Za-z0-9]{31})$")]
    private static partial Regex V1();
}
