using Tradeguard.Core.Audit;
using Tradeguard.Gateway.Channel;
using Tradeguard.TestSupport;

namespace Tradeguard.Gateway.Tests.Channel;

/// <summary>
/// Another local user (<c>nobody</c>, switched to with util-linux <c>setpriv</c>) tries the bot channel with the
/// shipped client and the bot's own key: refused by the file modes, and, with the modes widened on purpose, by the
/// peer-credential check on its own.
/// </summary>
public sealed class ForeignUserTests
{
    private const int Nobody = 65534;

    private const string TryPing = """
        import sys
        from tradeguard_client import GatewayClient, ChannelRefused
        try:
            print("answered", GatewayClient.from_env().ping())
        except ChannelRefused:
            print("closed by the gateway")
        except PermissionError:
            print("permission denied")
        """;

    [Fact]
    public async Task AnotherUser_IsRefusedByTheFolderMode_ThenBySocketMode()
    {
        await using var h = await ChannelHarness.StartAsync();
        AllowTraversal(h.Folder.Path);
        AllowTraversal(Path.GetDirectoryName(h.Options.ChannelFolder)!);
        Assert.Equal("permission denied", RunAsNobody(h));

        AllowTraversal(h.Options.ChannelFolder);
        Assert.Equal("permission denied", RunAsNobody(h));
        Assert.Equal("answered momentum", h.RunPython(TryPing).Stdout.Trim());
    }

    [Fact]
    public async Task AnotherUser_IsRefusedByPeerCredentials_WhenTheModesAreWidened_AndAudited()
    {
        await using var h = await ChannelHarness.StartAsync();
        AllowTraversal(h.Folder.Path);
        AllowTraversal(Path.GetDirectoryName(h.Options.ChannelFolder)!);
        AllowTraversal(h.Options.ChannelFolder);
        File.SetUnixFileMode(h.Options.SocketPath, (UnixFileMode)Convert.ToInt32("666", 8));

        Assert.Equal("closed by the gateway", RunAsNobody(h));

        var refused = Assert.Single(h.Audit.Events, e => e.Action == BotChannelServer.PeerRefusedAction);
        Assert.Equal(("uid:65534", AuditOutcome.Denied, "0"), (refused.Actor, refused.Outcome, refused.Details!["gateway_uid"]));
        Assert.DoesNotContain(h.Audit.Events, e => e.Action == BotChannelServer.RequestRefusedAction);
        Assert.Empty(h.Outbox.List());
        Assert.Equal("answered momentum", h.RunPython(TryPing).Stdout.Trim());
    }

    [Fact]
    public void PeerCredentials_OfASocketPair_AreThisProcess()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("p.sock");
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        listener.Listen();
        using var client = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        client.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        using var accepted = listener.Accept();

        var peer = PeerCredentials.Of(accepted);

        Assert.Equal(new PeerCredentials(Environment.ProcessId, PeerCredentials.CurrentUserId, peer!.GroupId), peer);
        Assert.Null(PeerCredentials.Of(new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp)));
    }

    private static string RunAsNobody(ChannelHarness h)
    {
        // setpriv needs CAP_SETUID: the CI container runs the tests as root.
        Assert.True(PeerCredentials.CurrentUserId == 0, "these tests switch to another user with setpriv and must run as root");
        var result = ChildProcess.Run("setpriv",
            [$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--", Python.Interpreter, "-c", TryPing],
            env: h.BotEnvironment(), workingDirectory: "/", timeout: TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.Trim();
    }

    private static void AllowTraversal(string folder) =>
        File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
}
