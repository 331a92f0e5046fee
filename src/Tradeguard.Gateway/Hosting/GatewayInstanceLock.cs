using Tradeguard.Core.Errors;
using Tradeguard.Core.Storage;

namespace Tradeguard.Gateway.Hosting;

/// <summary>
/// One gateway per installation: an exclusive lock beside the admin socket (<c>&lt;admin socket&gt;.lock</c>), held
/// for the life of <c>gateway serve</c>. A second serve takes it before it touches anything the running gateway relies
/// on (its admin token, the audit log, the sockets), even when the first has not yet bound its sockets: asking the
/// sockets alone left that moment open.
/// </summary>
public static class GatewayInstanceLock
{
    /// <summary>Takes the lock at once or refuses; the folder is created 0700 if missing.</summary>
    /// <param name="adminSocketPath">The admin socket's path (<see cref="Config.GatewayConfig.AdminSocketPath"/>).</param>
    /// <returns>The held lock; dispose it when the gateway has stopped (the process ending also releases it).</returns>
    /// <exception cref="TradeguardException">Exit 5 when another gateway holds it, or the folder cannot be made (a file stands there).</exception>
    public static FileLock Take(string adminSocketPath)
    {
        UnixSocket.EnsureFolder(Path.GetDirectoryName(Path.GetFullPath(adminSocketPath))!);

        try
        {
            return FileLock.Acquire(adminSocketPath, TimeSpan.Zero);
        }
        catch (TradeguardException e) when (e.ExitCode == ExitCode.Configuration)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"Another gateway already serves this installation (it holds {adminSocketPath}.lock); stop it first (one gateway per installation).");
        }
    }
}
