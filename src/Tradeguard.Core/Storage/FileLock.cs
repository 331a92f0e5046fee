using Tradeguard.Core.Errors;

namespace Tradeguard.Core.Storage;

/// <summary>
/// An advisory, exclusive, cross-process lock on <c>&lt;path&gt;.lock</c>, so that two processes writing one file
/// never lose an update: the second waits up to a timeout, then fails clearly.
/// </summary>
/// <remarks>
/// .NET takes <c>flock(LOCK_EX)</c> on Unix for a file opened with <see cref="FileShare.None"/>; the lock ends when
/// the handle is closed, including when the process dies, so a crashed writer never leaves a stale lock.
/// </remarks>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _handle;

    private FileLock(FileStream handle)
    {
        _handle = handle;
    }

    /// <summary>Takes the lock that guards <paramref name="path"/>.</summary>
    /// <param name="path">The guarded file (the lock file is <c>path + ".lock"</c>).</param>
    /// <param name="timeout">How long to wait for another holder.</param>
    /// <exception cref="TradeguardException">Exit code 5 when the lock is still held after <paramref name="timeout"/>.</exception>
    public static FileLock Acquire(string path, TimeSpan timeout)
    {
        var lockPath = Path.GetFullPath(path) + ".lock";
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

                return new FileLock(new FileStream(lockPath, options));
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
    public void Dispose() => _handle.Dispose();
}
