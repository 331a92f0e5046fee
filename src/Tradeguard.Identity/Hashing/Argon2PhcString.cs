using System.Globalization;
using System.Text.RegularExpressions;

namespace Tradeguard.Identity.Hashing;

/// <summary>
/// A parsed Argon2 PHC string: <c>$argon2{id,i}$v=19$m=&lt;KiB&gt;,t=&lt;passes&gt;,p=&lt;lanes&gt;$&lt;salt&gt;$&lt;hash&gt;</c>
/// (PHC string format; reference implementation's encoding, as written by argon2-cffi, passlib and libsodium).
/// </summary>
internal sealed partial record Argon2PhcString(
    Argon2Variant Variant, int MemoryKiB, int Iterations, int Parallelism, byte[] Salt, byte[] Hash)
{
    /// <summary>Parses <paramref name="encoded"/>.</summary>
    /// <exception cref="PasswordHashFormatException">Malformed, an unsupported variant, or a version other than 19.</exception>
    public static Argon2PhcString Parse(string encoded)
    {
        var m = Shape().Match(encoded);
        if (!m.Success)
        {
            throw new PasswordHashFormatException(
                "The Argon2 hash is malformed: expected $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>.");
        }

        if (m.Groups["v"].Success && m.Groups["v"].Value != "19")
        {
            throw new PasswordHashFormatException(
                $"The Argon2 hash has version {m.Groups["v"].Value}; only version 19 (0x13, RFC 9106) is supported.");
        }

        if (!m.Groups["v"].Success)
        {
            throw new PasswordHashFormatException(
                "The Argon2 hash has no v= field, so it is version 16 (pre-RFC); only version 19 is supported.");
        }

        var variant = m.Groups["type"].Value switch
        {
            "id" => Argon2Variant.Argon2id,
            "i" => Argon2Variant.Argon2i,
            _ => throw new PasswordHashFormatException(
                "The hash is Argon2d, which is not meant for passwords; only argon2id and argon2i are read."),
        };

        if (!int.TryParse(m.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var memory)
            || !int.TryParse(m.Groups["t"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var passes)
            || !int.TryParse(m.Groups["p"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var lanes)
            || passes < 1 || lanes is < 1 or > 255 || memory < 8 * lanes)
        {
            throw new PasswordHashFormatException("The Argon2 hash has parameters out of range (m >= 8p KiB, t >= 1, 1 <= p <= 255).");
        }

        if (!HashEncoding.TryFromPhcBase64(m.Groups["salt"].Value, out var salt) || salt.Length < 8
            || !HashEncoding.TryFromPhcBase64(m.Groups["hash"].Value, out var hash) || hash.Length < 4)
        {
            throw new PasswordHashFormatException("The Argon2 hash has a malformed salt or hash (base64 without padding; salt >= 8 bytes).");
        }

        return new Argon2PhcString(variant, memory, passes, lanes, salt, hash);
    }

    /// <summary>The encoded PHC string.</summary>
    public string Encode() =>
        $"$argon2{(Variant == Argon2Variant.Argon2id ? "id" : "i")}$v=19$m={MemoryKiB},t={Iterations},p={Parallelism}" +
        $"${HashEncoding.ToPhcBase64(Salt)}${HashEncoding.ToPhcBase64(Hash)}";

    [GeneratedRegex(@"^\$argon2(?<type>id|i|d)\$(?:v=(?<v>\d+)\$)?m=(?<m>\d{1,10}),t=(?<t>\d{1,10}),p=(?<p>\d{1,3})\$(?<salt>[A-Za-z0-9+/]+)\$(?<hash>[A-Za-z0-9+/]+)$")]
    private static partial Regex Shape();
}

/// <summary>The Argon2 variants read for passwords.</summary>
internal enum Argon2Variant
{
    /// <summary>Argon2id: the RFC 9106 recommendation.</summary>
    Argon2id,

    /// <summary>Argon2i: data-independent; read for passlib/argon2-cffi hashes.</summary>
    Argon2i,
}
