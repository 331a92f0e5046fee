using System.Net.Sockets;
using System.Text;
using Tradeguard.Core.Errors;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// The socket file's place and mode: its folder is 0700 (created so, or tightened), so between Kestrel's bind and
/// our chmod no other user can reach the socket; the socket itself is then 0600. A socket left by a gateway that died
/// is removed; one that still answers means another gateway serves the channel, and we refuse to take it over.
/// </summary>
public static class ChannelSocketFile
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The socket's mode once bound: read and write for the owner only.</summary>
    public const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Makes the folder ready for binding <see cref="ChannelOptions.SocketPath"/>.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the path is too long for a Unix socket or another gateway answers on it.</exception>
    public static void PrepareFolder(ChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.SocketPath;
        if (Encoding.UTF8.GetByteCount(path) > ChannelOptions.MaxSocketPathBytes)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"The bot channel path {path} is longer than the {ChannelOptions.MaxSocketPathBytes} bytes a Unix socket allows; set TRADEGUARD_HOME to a shorter folder.");
        }

        var folder = options.ChannelFolder;
        var parent = Path.GetDirectoryName(folder);
        if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent))
        {
            Directory.CreateDirectory(parent, OwnerOnlyFolder);
        }

        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }
        else if (File.GetUnixFileMode(folder) != OwnerOnlyFolder)
        {
            File.SetUnixFileMode(folder, OwnerOnlyFolder);
        }

        if (!File.Exists(path))
        {
            return;
        }

        if (Answers(path))
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"Another gateway already serves the bot channel at {path}; stop it first (one gateway per installation).");
        }

        File.Delete(path);
    }

    /// <summary>Sets the bound socket to <see cref="SocketMode"/>.</summary>
    public static void Restrict(ChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        File.SetUnixFileMode(options.SocketPath, SocketMode);
    }

    private static bool Answers(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
