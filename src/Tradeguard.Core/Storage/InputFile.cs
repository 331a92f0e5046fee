using System.Runtime.InteropServices;
using System.Text;
using Tradeguard.Core.Errors;

namespace Tradeguard.Core.Storage;

/// <summary>
/// Opens a file a user named (a config, a data file, a file to import) the one way every such file is opened: only a
/// regular file, never a device, FIFO, socket or folder (reading <c>/dev/zero</c> never ends, opening a FIFO blocks),
/// and never more than a stated size, so bad input fails at once instead of hanging.
/// </summary>
/// <remarks>The file type comes from Linux <c>statx(2)</c>, whose layout is the same on every architecture; where
/// <c>statx</c> is unavailable only the size cap applies.</remarks>
public static partial class InputFile
{
    /// <summary>The cap for config files: 1 MiB (the bundled ones are under 2 KiB).</summary>
    public const long ConfigMaxBytes = 1 << 20;

    /// <summary>Opens <paramref name="path"/> for sequential reading.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, for messages: "config", "data file".</param>
    /// <param name="maxBytes">The largest size accepted.</param>
    /// <exception cref="TradeguardException">Exit 5: the path is invalid, missing, unreadable, not a regular file, or
    /// larger than <paramref name="maxBytes"/>; the message says which in plain words.</exception>
    public static FileStream OpenRead(string path, string what, long maxBytes)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw Refused(path, what, "the path is not valid (empty, or a NUL character in it)");
        }

        if (FileType(path) is { } type && type != RegularFile)
        {
            throw Refused(path, what, type == Directory ? "it is a folder, not a file" : "it is not a regular file (a device, FIFO or socket)");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (IoProblem.IsFileFailure(e))
        {
            throw Refused(path, what, IoProblem.Describe(e) + ": check the path and its permissions", e);
        }

        if (stream.Length > maxBytes)
        {
            stream.Dispose();
            throw Refused(path, what, $"it is larger than the {Size(maxBytes)} a {what} may be");
        }

        return stream;
    }

    /// <summary>Reads <paramref name="path"/> as strict UTF-8 (a byte order mark is skipped).</summary>
    /// <exception cref="TradeguardException">Exit 5 as for <see cref="OpenRead"/>; exit 4 when the bytes are not UTF-8.</exception>
    public static string ReadText(string path, string what, long maxBytes)
    {
        var bytes = ReadBytes(path, what, maxBytes).AsSpan();
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new TradeguardException(ExitCode.IntegrityFailure, $"{Shown(path)}: the {what} is not UTF-8 text");
        }
    }

    /// <summary>Reads all of <paramref name="path"/>.</summary>
    /// <exception cref="TradeguardException">Exit 5 as for <see cref="OpenRead"/>.</exception>
    public static byte[] ReadBytes(string path, string what, long maxBytes)
    {
        using var stream = OpenRead(path, what, maxBytes);
        try
        {
            // One read more than the cap: a file that grows after the size check is still refused.
            var buffer = new byte[(int)Math.Min(maxBytes + 1, Math.Max(stream.Length, 0) + 1)];
            var length = 0;
            int read;
            while ((read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        throw Refused(path, what, $"it is larger than the {Size(maxBytes)} a {what} may be");
                    }

                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                }
            }

            Array.Resize(ref buffer, length);
            return buffer;
        }
        catch (Exception e) when (IoProblem.IsFileFailure(e))
        {
            throw Refused(path, what, IoProblem.Describe(e), e);
        }
    }

    private static TradeguardException Refused(string path, string what, string problem, Exception? inner = null) =>
        new(ExitCode.Configuration, $"{Shown(path)}: cannot read the {what}: {problem}", inner);

    private static string Shown(string path) => path.Replace("\0", "\\0", StringComparison.Ordinal);

    private static string Size(long bytes) =>
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes} bytes";

    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>The <c>S_IFMT</c> bits of the file (symbolic links followed), or null when it cannot be told.</summary>
    private static int? FileType(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct statx: stx_mode is the u16 at byte 28 (linux/stat.h); 256 bytes is the whole struct.
        Span<byte> buffer = stackalloc byte[256];
        try
        {
            return StatX(-100 /* AT_FDCWD */, path, 0, 0x1 /* STATX_TYPE */, ref MemoryMarshal.GetReference(buffer)) == 0
                ? BitConverter.ToUInt16(buffer[28..30]) & TypeMask
                : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatX(int directory, string path, int flags, uint mask, ref byte buffer);
}
