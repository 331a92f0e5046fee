using System.Buffers.Text;

namespace Tradeguard.Identity.Hashing;

/// <summary>The base64 dialects the hash formats use.</summary>
internal static class HashEncoding
{
    /// <summary>PHC string format: standard alphabet, no padding.</summary>
    public static string ToPhcBase64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    /// <summary>Decodes the PHC base64 (padding optional); false on any other character.</summary>
    public static bool TryFromPhcBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 == 1 || text.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        var padded = text + new string('=', (4 - (text.Length % 4)) % 4);
        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(padded.Length)];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    /// <summary>passlib's "adapted base64" (ab64): standard alphabet with '.' for '+', no padding.</summary>
    public static string ToAdaptedBase64(ReadOnlySpan<byte> bytes) => ToPhcBase64(bytes).Replace('+', '.');

    /// <summary>Decodes passlib's adapted base64; false when malformed.</summary>
    public static bool TryFromAdaptedBase64(string text, out byte[] bytes)
    {
        if (text.Contains('+', StringComparison.Ordinal))
        {
            bytes = [];
            return false;
        }

        return TryFromPhcBase64(text.Replace('.', '+'), out bytes);
    }
}
