using System.Globalization;
using System.Net.Sockets;
using Tradeguard.Core.Errors;

namespace Tradeguard.Cli.Hosting;

/// <summary>
/// Turns "address already in use" from a listener's start (Kestrel throws an <see cref="IOException"/> wrapping the
/// <see cref="SocketException"/>) into a configuration error (exit 5) that names the port and what to do, instead of
/// an internal error (exit 70). Every command that binds a port starts its listener through <see cref="Guard{T}"/>.
/// </summary>
internal static class PortInUse
{
    /// <summary>Runs <paramref name="start"/>; when the port is taken, throws exit 5 with
    /// "port PORT on HOST is in use: REMEDY".</summary>
    /// <param name="host">The address or host name the listener binds, as the user configured it.</param>
    /// <param name="port">The TCP port.</param>
    /// <param name="remedy">What the user can do, e.g. "stop the other process or pass --port N".</param>
    /// <param name="start">Starts the listener.</param>
    public static Task<T> Guard<T>(string host, int port, string remedy, Func<Task<T>> start) =>
        Guard($"port {port.ToString(CultureInfo.InvariantCulture)} on {host}", remedy, start);

    /// <summary>Runs <paramref name="start"/>; when its address is taken, throws exit 5 with "ADDRESS is in use: REMEDY".</summary>
    /// <param name="address">The address as the user configured it: <c>port 8080 on 127.0.0.1</c>, a Unix socket path.</param>
    /// <param name="remedy">What the user can do.</param>
    /// <param name="start">Starts the listener.</param>
    public static async Task<T> Guard<T>(string address, string remedy, Func<Task<T>> start)
    {
        try
        {
            return await start();
        }
        catch (Exception e) when (IsAddressInUse(e))
        {
            throw new TradeguardException(ExitCode.Configuration, $"{address} is in use: {remedy}");
        }
    }

    private static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }
}
