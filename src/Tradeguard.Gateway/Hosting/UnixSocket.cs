using Tradeguard.Core.Errors;

namespace Tradeguard.Gateway.Hosting;

/// <summary>
/// Unix sockets the gateway listens on live in a folder only the owner can enter (0700) and are made 0600 once bound;
/// the folder closes the moment between bind and chmod. A leftover socket file from an earlier run is removed.
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
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }
        else if ((File.GetUnixFileMode(folder) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0
                 && !OperatingSystem.IsWindows())
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

            File.Delete(socketPath);
        }
    }
}
