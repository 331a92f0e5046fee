using System.Text;

namespace Tradeguard.Scanner.Walking;

/// <summary>
/// Reads files as UTF-8 text (a NUL byte in the first 8 KiB means binary, as git decides) into buffers it keeps and
/// reuses, so scanning a tree allocates nothing per file: allocating a fresh string per file cost more than all the
/// regexes (run-bench.sh on 100 MB: 1.1 CPU-s with File.ReadAllBytes + GetString, 0.03 CPU-s into reused buffers).
/// Not thread-safe: one reader per worker.
/// </summary>
internal sealed class TextFileReader
{
    private const int BinaryProbeBytes = 8000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private byte[] _bytes = new byte[64 * 1024];
    private char[] _chars = new char[64 * 1024];

    /// <summary>The file's text (invalid UTF-8 replaced by U+FFFD, a leading BOM dropped), or null when the file is
    /// binary. The memory is this reader's: valid until its next <see cref="Read"/>.</summary>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public ReadOnlyMemory<char>? Read(string fullPath)
    {
        var bytes = ReadBytes(fullPath);
        if (bytes[..Math.Min(bytes.Length, BinaryProbeBytes)].Contains((byte)0))
        {
            return null;
        }

        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(byteOrderMark))
        {
            bytes = bytes[byteOrderMark.Length..];
        }

        var needed = Utf8.GetMaxCharCount(bytes.Length);
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, 2L * _chars.Length)];
        }

        return _chars.AsMemory(0, Utf8.GetChars(bytes, _chars));
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
