using Tradeguard.Core.Storage;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// Limits and place of the bot channel. Every bound is there so that one misbehaving bot cannot hold the gateway:
/// request bodies, header time, long-poll length, status length and alert details are all capped.
/// </summary>
public sealed record ChannelOptions
{
    /// <summary>The socket's file name inside <see cref="ChannelFolder"/>.</summary>
    public const string SocketFileName = "bots.sock";

    /// <summary>Longest socket path Linux accepts: <c>sizeof(sockaddr_un.sun_path)</c> − 1 (unix(7)).</summary>
    public const int MaxSocketPathBytes = 107;

    /// <summary>The channel folder (mode 0700) of an installation: <c>$TRADEGUARD_HOME/gateway/channel</c>.</summary>
    public static string DefaultFolder => Path.Combine(TradeguardHome.Path, "gateway", "channel");

    /// <summary>The folder that holds the socket; created 0700, refused when open to group or others.</summary>
    public string ChannelFolder { get; init; } = DefaultFolder;

    /// <summary>The socket path: <see cref="ChannelFolder"/>/<see cref="SocketFileName"/>.</summary>
    public string SocketPath => Path.Combine(ChannelFolder, SocketFileName);

    /// <summary>The address bots are given in <c>TRADEGUARD_GATEWAY_CHANNEL</c>: <c>unix:</c> and the socket path.</summary>
    public string Address => "unix:" + SocketPath;

    /// <summary>Largest request body in bytes (an alert with its details fits in far less); default 16 KiB.</summary>
    public long MaxBodyBytes { get; init; } = 16 * 1024;

    /// <summary>Longest a client may take to send its request headers; default 5 s.</summary>
    public TimeSpan HeadersTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest one command poll waits before answering with no command; default 25 s (bots may ask for less).</summary>
    public TimeSpan MaxPollWait { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>Most connections at once (each bot needs one or two); default 256.</summary>
    public int MaxConnections { get; init; } = 256;

    /// <summary>
    /// Most connections one process (by its <c>SO_PEERCRED</c> pid) may hold at once; default 32. Connections cannot be
    /// told apart by bot before a request is signed, so this is what keeps one process from taking every slot. The
    /// Python client opens a connection per request, and a closed one is counted until the gateway reads its end, so
    /// the cap leaves a busy bot room.
    /// </summary>
    public int MaxConnectionsPerProcess { get; init; } = 32;

    /// <summary>Most command polls one bot may have waiting at once; default 2 (a bot needs one).</summary>
    public int MaxPollsPerBot { get; init; } = 2;

    /// <summary>How long an idle connection stays open between requests; default 5 s (a waiting poll is not idle).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most details one alert may carry; default 32.</summary>
    public int MaxDetails { get; init; } = 32;

    /// <summary>Longest detail value in characters; default 256.</summary>
    public int MaxDetailLength { get; init; } = 256;
}
