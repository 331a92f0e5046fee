using System.Text;

namespace Tradeguard.Scanner.Walking;

/// <summary>Reads a file as UTF-8 text, or tells that it is binary (a NUL byte in the first 8 KiB, as git decides).</summary>
internal static class TextFileReader
{
    private const int BinaryProbeBytes = 8000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The text, or null when the file is binary.</summary>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static string? ReadText(string fullPath)
    {
        var bytes = File.ReadAllBytes(fullPath);
        return IsBinary(bytes) ? null : Decode(bytes);
    }

    public static bool IsBinary(ReadOnlySpan<byte> bytes) =>
        bytes[..Math.Min(bytes.Length, BinaryProbeBytes)].Contains((byte)0);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(byteOrderMark))
        {
            bytes = bytes[byteOrderMark.Length..];
        }

        return Utf8.GetString(bytes);
    }
}
