using System.Text;

namespace Tradeguard.Scanner.Walking;

/// <summary>
/// Reads files as text into buffers it keeps and reuses, so scanning a tree allocates nothing per file: allocating a
/// fresh string per file cost more than all the regexes (run-bench.sh on 100 MB: 1.1 CPU-s with File.ReadAllBytes +
/// GetString, 0.03 CPU-s into reused buffers). A file is UTF-8 (a NUL byte in the first 8 KiB means binary, as git
/// decides) unless it starts with a UTF-16 or UTF-32 byte order mark (Unicode 15, section 23.8): Windows PowerShell's
/// <c>&gt;</c> and Visual Studio's "Unicode" save write UTF-16 with one, and as UTF-8 such a file looked binary, so a
/// key in it was never read. Not thread-safe: one reader per worker.
/// </summary>
internal sealed class TextFileReader
{
    private const int BinaryProbeBytes = 8000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Byte order marks and what they say; the UTF-32 little-endian mark starts with the UTF-16 one, so it comes first.</summary>
    private static readonly (byte[] Mark, Encoding Encoding)[] ByteOrderMarks =
    [
        ([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: false)),
        ([0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: false)),
        ([0xEF, 0xBB, 0xBF], Utf8),
        ([0xFF, 0xFE], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false)),
        ([0xFE, 0xFF], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false)),
    ];

    private byte[] _bytes = new byte[64 * 1024];
    private char[] _chars = new char[64 * 1024];

    /// <summary>The file's text (invalid sequences replaced by U+FFFD, a leading byte order mark dropped), or null
    /// when the file is binary: a NUL in its first 8,000 bytes, or with a UTF-16 or UTF-32 mark in its first 8,000
    /// characters. The memory is this reader's: valid until its next <see cref="Read"/>.</summary>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public ReadOnlyMemory<char>? Read(string fullPath)
    {
        var bytes = ReadBytes(fullPath);
        var (markLength, encoding) = EncodingOf(bytes);
        // UTF-8 is checked before decoding, so a large binary file costs no decoding; UTF-16 and UTF-32 hold NUL bytes
        // by nature and are checked for NUL characters after.
        var wide = encoding != Utf8;
        if (!wide && bytes[..Math.Min(bytes.Length, BinaryProbeBytes)].Contains((byte)0))
        {
            return null;
        }

        bytes = bytes[markLength..];
        var needed = encoding.GetMaxCharCount(bytes.Length);
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, 2L * _chars.Length)];
        }

        var text = _chars.AsMemory(0, encoding.GetChars(bytes, _chars));
        if (wide && text.Span[..Math.Min(text.Length, BinaryProbeBytes)].Contains('\0'))
        {
            return null;
        }

        return text;
    }

    /// <summary>The length of the file's byte order mark (0: none) and the encoding it names (UTF-8 without one).</summary>
    private static (int MarkLength, Encoding Encoding) EncodingOf(ReadOnlySpan<byte> bytes)
    {
        foreach (var (mark, encoding) in ByteOrderMarks)
        {
            if (bytes.StartsWith(mark))
            {
                return (mark.Length, encoding);
            }
        }

        return (0, Utf8);
    }

    private ReadOnlySpan<byte> ReadBytes(string fullPath)
    {
        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var expected = RandomAccess.GetLength(handle);
        if (_bytes.Length <= expected)
        {
            // At least doubling: each new large buffer is a large-object-heap allocation, which brings gen-2 collections.
            _bytes = new byte[Math.Max(expected + 1, 2L * _bytes.Length)];
        }

        // Read to the end rather than to the listed length: the file may have grown, and some files report length 0.
        var total = 0;
        while (true)
        {
            if (total == _bytes.Length)
            {
                Array.Resize(ref _bytes, _bytes.Length * 2);
            }

            var read = RandomAccess.Read(handle, _bytes.AsSpan(total), total);
            if (read == 0)
            {
                return _bytes.AsSpan(0, total);
            }

            total += read;
        }
    }
}
