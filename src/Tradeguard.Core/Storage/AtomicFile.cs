using System.Runtime.InteropServices;
using Tradeguard.Core.Errors;

namespace Tradeguard.Core.Storage;

/// <summary>
/// Writes files that hold secrets so that a crash at any moment leaves either the old or the new content, never a mix,
/// and the file is never readable by group or others (DESIGN.md, "Vault": temp file in the same folder, fsync,
/// rename, fsync folder; mode 0600). Output that a rerun rebuilds skips the two fsyncs (<see cref="FileDurability"/>).
/// </summary>
public static partial class AtomicFile
{
    /// <summary>Mode 0600: read and write for the owner only.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="content"/> atomically, with mode 0600.
    /// </summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="content">The complete new content.</param>
    /// <exception cref="TradeguardException">The folder cannot be written (exit code 5).</exception>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        // A span cannot be captured by the writer callback: copy it once (callers pass small secret files).
        var bytes = content.ToArray();
        try
        {
            Write(path, stream => stream.Write(bytes));
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    /// <summary>
    /// Replaces <paramref name="path"/> atomically, with mode 0600, with what <paramref name="write"/> writes to the
    /// temporary file's stream (for large files written piece by piece; see <see cref="Write(string, ReadOnlySpan{byte})"/>).
    /// </summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the complete new content; the stream is flushed and closed afterwards.</param>
    /// <param name="durability">Whether the file is flushed to disk before the call returns.</param>
    /// <exception cref="TradeguardException">The folder cannot be written (exit code 5).</exception>
    public static void Write(string path, Action<Stream> write, FileDurability durability = FileDurability.Durable) =>
        WriteAsync(path, stream =>
        {
            write(stream);
            return Task.CompletedTask;
        }, durability).GetAwaiter().GetResult();

    /// <summary>
    /// Replaces <paramref name="path"/> atomically, with mode 0600, with what <paramref name="write"/> writes to the
    /// temporary file's stream, for content that arrives over time (a download). If <paramref name="write"/> throws,
    /// the file is left as it was.
    /// </summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the complete new content; the stream is flushed and closed afterwards.</param>
    /// <param name="durability">Whether the file is flushed to disk before the call returns.</param>
    /// <exception cref="TradeguardException">The folder cannot be written (exit code 5).</exception>
    public static async Task WriteAsync(string path, Func<Stream, Task> write, FileDurability durability = FileDurability.Durable)
    {
        var durable = durability == FileDurability.Durable;
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(temp, options))
            {
                await write(stream).ConfigureAwait(false);
                stream.Flush(flushToDisk: durable);
            }

            File.Move(temp, full, overwrite: true);
            if (durable)
            {
                SyncFolder(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new TradeguardException(
                ExitCode.Configuration,
                $"Cannot write {full}: {IoProblem.Describe(e)}. Check that the folder exists and is writable by you.",
                e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes UTF-8 text atomically with mode 0600; see <see cref="Write(string, ReadOnlySpan{byte})"/>.</summary>
    /// <exception cref="TradeguardException">The folder cannot be written (exit code 5).</exception>
    public static void WriteText(string path, string text, FileDurability durability = FileDurability.Durable)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        try
        {
            Write(path, stream => stream.Write(bytes), durability);
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // A rename is durable only once the folder entry is on disk; .NET has no API to fsync a folder.
    private static void SyncFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const int O_RDONLY = 0;
        var fd = Open(folder, O_RDONLY);
        if (fd < 0)
        {
            return;
        }

        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
