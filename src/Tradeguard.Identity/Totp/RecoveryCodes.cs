using System.Security.Cryptography;
using System.Text;

namespace Tradeguard.Identity.Totp;

/// <summary>
/// Single-use recovery codes: 10 per enrolment, each 80 random bits as 16 base32 characters in groups of four
/// (<c>k7qm-3xv2-p9dt-bw4h</c>). Stored as SHA-256 of the canonical form: 80 bits of entropy make a slow KDF
/// unnecessary. Input is compared without case, spaces or dashes.
/// </summary>
internal static class RecoveryCodes
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string[] Generate() => Enumerable.Range(0, Count).Select(_ => One()).ToArray();

    public static byte[] Hash(string code) => SHA256.HashData(Encoding.ASCII.GetBytes(Canonical(code)));

    /// <summary>True when <paramref name="input"/> looks like a recovery code rather than a 6-digit TOTP code.</summary>
    public static bool LooksLikeRecoveryCode(string input) =>
        Canonical(input) is { Length: 16 } canonical && canonical.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    private static string Canonical(string code) =>
        new(code.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant).ToArray());

    private static string One()
    {
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var text = new string(chars);
        return $"{text[..4]}-{text[4..8]}-{text[8..12]}-{text[12..]}";
    }
}
