using Tradeguard.Core.Errors;

namespace Tradeguard.Core.Storage;

/// <summary>
/// An advisory, exclusive, cross-process lock on <c>&lt;path&gt;.lock</c>, so that two processes writing one file
/// never lose an update: the second waits up to a timeout, then fails clearly.
/// </summary>
/// <remarks>
/// .NET takes <c>flock(LOCK_EX)</c> on Unix for a file opened with <see cref="FileShare.None"/>; the lock ends when
/// the handle is closed, including when the process dies, so a crashed writer never leaves a stale lock.
/// A thread never waits for a lock it already holds (a nested write, e.g. an audit record written while a checkpoint is
/// being moved): waiting could only end in the timeout, so it fails at once instead. Other threads of the same process
/// wait as other processes do.
/// </remarks>
public sealed class FileLock : IDisposable
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> HeldBy = new(StringComparer.Ordinal);

    private readonly FileStream _handle;
    private readonly string _lockPath;
    private bool _disposed;

    private FileLock(FileStream handle, string lockPath)
    {
        _handle = handle;
        _lockPath = lockPath;
    }

    /// <summary>Takes the lock that guards <paramref name="path"/>.</summary>
    /// <param name="path">The guarded file (the lock file is <c>path + ".lock"</c>).</param>
    /// <param name="timeout">How long to wait for another holder.</param>
    /// <exception cref="TradeguardException">Exit code 5 when the lock is still held after <paramref name="timeout"/>, or at
    /// once when the calling thread already holds it.</exception>
    public static FileLock Acquire(string path, TimeSpan timeout)
    {
        var lockPath = Path.GetFullPath(path) + ".lock";
        if (HeldBy.TryGetValue(lockPath, out var holder) && holder == Environment.CurrentManagedThreadId)
        {
            throw new TradeguardException(
                ExitCode.Configuration,
                $"{path} is already locked by this very command (a nested write); nothing waited and nothing was written.");
        }

        var deadline = DateTime.UtcNow + timeout;
        var delay = 5;
        while (true)
        {
            try
            {
                var options = new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = AtomicFile.OwnerOnly;
                }

                var handle = new FileStream(lockPath, options);
                HeldBy[lockPath] = Environment.CurrentManagedThreadId;
                return new FileLock(handle, lockPath);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 100);
            }
            catch (IOException e)
            {
                throw new TradeguardException(
                    ExitCode.Configuration,
                    $"{path} is locked by another tradeguard process (waited {timeout.TotalSeconds:0.#} s). Try again when it has finished.",
                    e);
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        HeldBy.TryRemove(_lockPath, out _);
        _handle.Dispose();
    }
}
