using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// The process at the other end of a Unix socket, as the kernel recorded it when that process connected:
/// Linux <c>SO_PEERCRED</c> (socket(7), unix(7)) returns <c>struct ucred { pid_t pid; uid_t uid; gid_t gid; }</c>, three
/// 32-bit integers in native byte order. The values cannot be forged by the peer.
/// </summary>
/// <param name="ProcessId">The peer's process id at connect time.</param>
/// <param name="UserId">The peer's effective user id at connect time.</param>
/// <param name="GroupId">The peer's effective group id at connect time.</param>
public sealed record PeerCredentials(int ProcessId, uint UserId, uint GroupId)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;
    private const int UcredSize = 12;

    /// <summary>Reads the peer of a connected Unix-domain socket; null when the platform or socket gives none.</summary>
    public static PeerCredentials? Of(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (!OperatingSystem.IsLinux() || socket.AddressFamily != AddressFamily.Unix)
        {
            return null;
        }

        Span<byte> ucred = stackalloc byte[UcredSize];
        try
        {
            if (socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred) != UcredSize)
            {
                return null;
            }
        }
        catch (SocketException)
        {
            return null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }

        return new PeerCredentials(
            MemoryMarshal.Read<int>(ucred),
            MemoryMarshal.Read<uint>(ucred[4..]),
            MemoryMarshal.Read<uint>(ucred[8..]));
    }

    /// <summary>
    /// The effective user id of this process: the second field of the <c>Uid:</c> line of <c>/proc/self/status</c>
    /// (proc(5): real, effective, saved set, filesystem).
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    public static uint CurrentUserId
    {
        get
        {
            if (!OperatingSystem.IsLinux())
            {
                throw new PlatformNotSupportedException("The bot channel checks peer credentials with Linux SO_PEERCRED.");
            }

            var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return uint.Parse(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
