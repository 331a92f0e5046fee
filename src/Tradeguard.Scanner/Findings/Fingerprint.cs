using System.Security.Cryptography;
using System.Text;

namespace Tradeguard.Scanner.Findings;

/// <summary>
/// The stable identity of a finding: SHA-256 over <c>rule id \n path \n value</c>, hex, first 32 digits (128 bits).
/// Line numbers are left out on purpose, so a baseline survives edits above the finding; the value is hashed together
/// with rule and path, never printed.
/// </summary>
internal static class Fingerprint
{
    public static string Of(string ruleId, string path, ReadOnlySpan<char> value)
    {
        var text = $"{ruleId}\n{path}\n{value}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    public static string Sha256Hex(ReadOnlySpan<char> value)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(value.ToString()), hash);
        return Convert.ToHexStringLower(hash);
    }
}
