using Tradeguard.Core.Errors;
using Tradeguard.Gateway.Hosting;
using Tradeguard.TestSupport;

namespace Tradeguard.Gateway.Tests;

/// <summary>One gateway per installation, decided by a lock taken before anything else, not by asking sockets that may not be bound yet.</summary>
public sealed class InstanceLockTests
{
    [Fact]
    public async Task ASecondServe_IsRefusedWhileTheFirstHoldsTheLock_AndMayStartOnceItIsReleased()
    {
        using var home = new TempFolder();
        var socket = Path.Combine(home.Path, "gateway", "admin.sock");

        var first = GatewayInstanceLock.Take(socket);
        Assert.Equal(UnixSocket.OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(socket)!));
        // Another thread stands for another process: the lock is the file's, not the thread's.
        var refused = await Assert.ThrowsAsync<TradeguardException>(() => Task.Run(() => GatewayInstanceLock.Take(socket)));
        Assert.Equal(ExitCode.Configuration, refused.ExitCode);
        Assert.StartsWith("Another gateway already serves this installation ", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(socket)); // nothing of the running gateway's was touched

        first.Dispose();
        using var second = await Task.Run(() => GatewayInstanceLock.Take(socket));
    }
}
