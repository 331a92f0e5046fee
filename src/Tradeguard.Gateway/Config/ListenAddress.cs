using System.Globalization;
using System.Net;

namespace Tradeguard.Gateway.Config;

/// <summary>
/// Where the gateway listens for bots: <c>127.0.0.1:PORT</c> / <c>[::1]:PORT</c> (loopback only), or
/// <c>unix:/absolute/path.sock</c>. Port 0 picks a free port (tests).
/// </summary>
/// <param name="EndPoint">A loopback TCP end point, or null for a Unix socket.</param>
/// <param name="SocketPath">The Unix socket's absolute path, or null for TCP.</param>
public sealed record ListenAddress(IPEndPoint? EndPoint, string? SocketPath)
{
    /// <summary>Parses <paramref name="text"/>; null when it is neither a loopback <c>host:port</c> nor <c>unix:/path</c>.</summary>
    public static ListenAddress? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = text["unix:".Length..];
            return Path.IsPathFullyQualified(path) && path.Length <= 100 ? new ListenAddress(null, path) : null;
        }

        return IPEndPoint.TryParse(text, out var ep) && IPAddress.IsLoopback(ep.Address) && ep.Port is >= 0 and <= 65535 && text.Contains(':', StringComparison.Ordinal)
            ? new ListenAddress(ep, null)
            : null;
    }

    /// <summary>
    /// The base URL a bot uses: <c>http://127.0.0.1:PORT/</c>, or for a Unix socket <c>http://localhost/</c> (the client
    /// connects to <see cref="SocketPath"/>).
    /// </summary>
    public Uri BaseUrl => EndPoint is { } ep
        ? new Uri($"http://{(ep.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ep.Address}]" : ep.Address.ToString())}:{ep.Port.ToString(CultureInfo.InvariantCulture)}/")
        : new Uri("http://localhost/");

    /// <summary>As written in the config.</summary>
    public override string ToString() => SocketPath is { } p ? "unix:" + p : EndPoint!.ToString();
}
