using System.Text;
using Tradeguard.Core.Errors;
using Tradeguard.Gateway.Hosting;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// Readies the channel's socket path for binding: the path fits a Unix socket address, the folders are 0700 down from
/// <c>$TRADEGUARD_HOME/gateway</c> (<see cref="UnixSocket.PrepareFolder"/> then removes a stale socket), and a socket
/// that still answers is left alone: another gateway serves the channel, and we refuse to take it over.
/// </summary>
public static class ChannelSocketFile
{
    /// <summary>Makes the folder ready for binding <see cref="ChannelOptions.SocketPath"/>.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the path is too long, its folder open to others, or another gateway answers on it.</exception>
    public static void Prepare(ChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.SocketPath;
        if (Encoding.UTF8.GetByteCount(path) > ChannelOptions.MaxSocketPathBytes)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"The bot channel path {path} is longer than the {ChannelOptions.MaxSocketPathBytes} bytes a Unix socket allows; set TRADEGUARD_HOME to a shorter folder.");
        }

        // CreateDirectory gives its mode to the last folder only: the parent is made 0700 on its own.
        if (Path.GetDirectoryName(options.ChannelFolder) is { Length: > 0 } parent && !Directory.Exists(parent))
        {
            Directory.CreateDirectory(parent, UnixSocket.OwnerOnlyFolder);
        }

        UnixSocket.RefuseIfAnswering(path, "the bot channel");
        UnixSocket.PrepareFolder(path);
    }
}
