using Tradeguard.Core.Errors;

namespace Tradeguard.Gateway.Hosting;

/// <summary>
/// Unix sockets the gateway listens on live in a folder only the owner can enter (0700) and are made 0600 once bound;
/// the folder closes the moment between bind and chmod. A leftover socket file from an earlier run is removed; one
/// that another process still listens on is refused.
/// </summary>
public static class UnixSocket
{
    /// <summary>0600.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>0700.</summary>
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the socket's folder 0700 (or checks it is not open to group or others) and removes a stale socket file.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the folder is open to others or the path is taken by something else.</exception>
    public static void PrepareFolder(string socketPath)
    {
        var folder = Path.GetDirectoryName(socketPath)!;
        var existed = EnsureFolder(folder);
        if (existed && (File.GetUnixFileMode(folder) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"the socket folder {folder} is open to other users; use a folder only you can enter (chmod 700 {Core.Storage.PrivateFile.QuoteForShell(folder)})");
        }

        if (File.Exists(socketPath) || Directory.Exists(socketPath))
        {
            if ((File.GetAttributes(socketPath) & FileAttributes.Directory) != 0)
            {
                throw new TradeguardException(ExitCode.Configuration, $"{socketPath} is a folder, not a socket path");
            }

            if (IsAnswering(socketPath))
            {
                throw new TradeguardException(ExitCode.Configuration,
                    $"another process is listening on {socketPath} (a gateway already running?); stop it or use another path");
            }

            File.Delete(socketPath);
        }
    }

    /// <summary>Creates <paramref name="folder"/> 0700 when it is missing; true when it was already there.</summary>
    /// <exception cref="TradeguardException">Exit 5 when something that is not a folder (a file) stands at that path,
    /// or it cannot be created.</exception>
    public static bool EnsureFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return true;
        }

        if (Path.Exists(folder))
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"{folder} is a file, not a folder: a socket path must lie in a folder; choose another path in the gateway config");
        }

        try
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
            return false;
        }
        catch (Exception e) when (IoProblem.IsFileFailure(e))
        {
            throw new TradeguardException(ExitCode.Configuration, $"cannot create the socket folder {folder} ({IoProblem.Describe(e)})", e);
        }
    }

    /// <summary>
    /// Refuses to go on when a process still answers on <paramref name="socketPath"/>: a gateway already runs there. A
    /// second <c>gateway serve</c> checks this before it touches anything the running one relies on (its admin token,
    /// the audit log).
    /// </summary>
    /// <exception cref="TradeguardException">Exit 5 naming the socket.</exception>
    public static void RefuseIfAnswering(string socketPath, string what)
    {
        if (File.Exists(socketPath) && IsAnswering(socketPath))
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"Another gateway already serves {what} at {socketPath}; stop it first (one gateway per installation).");
        }
    }

    /// <summary>True when a process accepts connections on <paramref name="socketPath"/> (not a leftover file).</summary>
    public static bool IsAnswering(string socketPath)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        try
        {
            socket.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false; // a leftover file from a run that ended without removing it
        }
    }
}
