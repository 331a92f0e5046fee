using Tradeguard.Alerts;
using Tradeguard.Core.Audit;
using Tradeguard.Gateway.Channel;
using Tradeguard.Gateway.Control;

namespace Tradeguard.Gateway.Tests.Channel;

/// <summary>The shipped Python client (<c>/usr/bin/python3</c>) against a real channel on a Unix socket.</summary>
public sealed class BotChannelTests
{
    [Fact]
    public async Task Socket_Is0600_InA0700Folder()
    {
        await using var h = await ChannelHarness.StartAsync();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(h.Options.SocketPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(h.Options.ChannelFolder));
        Assert.Equal("unix:" + h.Options.SocketPath, h.Server.Address);
    }

    [Fact]
    public async Task Alert_GoesThroughTheExposurePolicyToTheOutbox_WithoutItsAmounts()
    {
        await using var h = await ChannelHarness.StartAsync();
        var result = h.RunPython("""
            from tradeguard_client import GatewayClient
            gw = GatewayClient.from_env()
            print(gw.ping())
            print(gw.alert("order_executed", symbol="BTC/USDT", side="buy", details={"quantity": "0.0123", "price": 43210.5, "order_id": 987654}, alert_id="o-1"))
            print(gw.alert("order_executed", symbol="BTC/USDT", side="buy", alert_id="o-1"))
            """);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["momentum", "1", "0"], result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var message = Assert.Single(h.Outbox.List());
        Assert.Equal("[paper] Order executed · BTCUSDT · buy · momentum", message.Text);
        Assert.Equal(AlertKinds.OrderFilled, message.Kind);
        Assert.Equal("bot:momentum:o-1", message.DedupeKey);
        var audited = h.Audit.Events.Where(e => e.Action == BotChannelServer.AlertAction).ToList();
        Assert.All(audited, e => Assert.Equal(("bot:momentum", "BTCUSDT", AuditOutcome.Success), (e.Actor, e.Target, e.Outcome)));
        Assert.Equal(["1", "0"], audited.Select(e => e.Details!["messages"]));
    }

    [Fact]
    public async Task OperatorDefinedKind_UsesTheOperatorsWording_AndUnknownKindsAreRefused()
    {
        await using var h = await ChannelHarness.StartAsync(customKinds: new Dictionary<string, string> { ["rebalanced"] = "Portfolio rebalanced" });
        var result = h.RunPython("""
            from tradeguard_client import GatewayClient, GatewayError
            gw = GatewayClient.from_env()
            gw.alert("rebalanced")
            try:
                gw.alert("withdrawal_done")
            except GatewayError as e:
                print(e.status, e.code, e.msg)
            """);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("400 -1100 Illegal value in parameter 'kind': it is one of error, order_executed, rebalanced, stop_loss, take_profit.", result.Stdout.Trim());
        Assert.Equal("[paper] Portfolio rebalanced · momentum", Assert.Single(h.Outbox.List()).Text);
        Assert.Contains(h.Audit.Events, e => e.Action == BotChannelServer.RequestRefusedAction && e.Reason.Contains("'kind'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Details_LeaveOnlySealed_WhenTheOperatorAsksForDetailedExposure()
    {
        var identity = Alerts.Age.AgeIdentity.Generate();
        var policy = new ExposurePolicy(new Dictionary<string, ExposureLevel> { [AlertKinds.StopLossTriggered] = ExposureLevel.Detailed },
            recipient: identity.Recipient);
        await using var h = await ChannelHarness.StartAsync(policy);
        var result = h.RunPython("""
            from tradeguard_client import GatewayClient
            GatewayClient.from_env().alert("stop_loss", symbol="ETHUSDT", side="sell", details={"price": "2950.75"})
            """);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var messages = h.Outbox.List();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.DoesNotContain("2950", m.Text ?? "", StringComparison.Ordinal));
        var sealedFile = Assert.Single(messages, m => m.Attachment is not null).Attachment!;
        Assert.Equal("price: 2950.75\n", System.Text.Encoding.UTF8.GetString(Alerts.Age.AgeFile.Decrypt(sealedFile, identity)));
    }

    [Fact]
    public async Task Commands_ReachTheBot_ByIteratorAndByCallback_WithItsState()
    {
        await using var h = await ChannelHarness.StartAsync();
        h.Control.Pause(ChannelHarness.Bot, "telegram:alice");
        h.Control.Resume(null, "cli");
        var sender = Task.Run(async () =>
        {
            // Sent while the bot is already waiting in a long poll.
            while (h.Control.Status().Single(s => s.Bot == ChannelHarness.Bot).StatusLine is null)
            {
                await Task.Delay(20);
            }

            await h.Control.StopAsync("other", "cli");
            await h.Control.StopAsync(null, "telegram:alice");
        });
        var result = h.RunPython("""
            import threading
            from tradeguard_client import GatewayClient
            gw = GatewayClient.from_env()
            print(gw.ping(), gw.state)
            for command in gw.commands(wait=20):
                print(command.seq, command.action, gw.state)
                if command.action == "resume":
                    gw.report_status("waiting for the stop")
                if command.action == "stop":
                    break
            done = threading.Event()
            actions = []
            def handle(command):
                actions.append(command.action)
                if command.action == "stop":
                    done.set()
            GatewayClient.from_env().on_command(handle)
            done.wait(20)
            print("callback", ",".join(actions))
            """);
        await sender;
        Assert.True(result.ExitCode == 0, result.Stderr);
        // "other" was stopped (3) in between: one numbering, with gaps where other bots were told something.
        Assert.Equal(["momentum running", "1 pause running", "2 resume running", "4 stop stopped", "callback pause,resume,stop"],
            result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Status_IsOneBoundedLine_WithDigitsAndSecretsMasked()
    {
        await using var h = await ChannelHarness.StartAsync();
        var result = h.RunPython("""
            from tradeguard_client import GatewayClient
            print(GatewayClient.from_env().report_status("holding 0.5 BTC\nbought at 43210 " + "x" * 300))
            """);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var line = h.Control.Status().Single(s => s.Bot == ChannelHarness.Bot).StatusLine!;
        Assert.Equal(line, result.Stdout.TrimEnd('\n'));
        Assert.StartsWith("holding #.# BTC bought at ##### xxx", line, StringComparison.Ordinal);
        Assert.Equal(ControlBoard.MaxStatusLength, line.Length);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadSignature_UnknownKey_And10MBBody_GetCleanBinanceShapedErrors_AreAudited_AndTheChannelKeepsServing()
    {
        await using var h = await ChannelHarness.StartAsync();
        var result = h.RunPython("""
            import os
            from tradeguard_client import GatewayClient, GatewayError
            url, key, secret, channel = (os.environ[n] for n in ("TRADEGUARD_GATEWAY_URL", "TRADEGUARD_GATEWAY_API_KEY", "TRADEGUARD_GATEWAY_API_SECRET", "TRADEGUARD_GATEWAY_CHANNEL"))
            for client in (GatewayClient(url, key, "wrong-secret", channel), GatewayClient(url, "unknown-key", secret, channel)):
                try:
                    client.ping()
                except GatewayError as e:
                    print(e.status, e.code)
            import socket
            # A 10 MB body announced; the channel answers before reading it.
            s = socket.socket(socket.AF_UNIX)
            s.settimeout(20)
            s.connect(channel[len("unix:"):])
            s.sendall(b"POST /v1/status HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000000\r\n\r\n" + b"status=" + b"x" * 65536)
            print(s.recv(4096).split(b"\r\n")[0].decode(), flush=True)
            print(GatewayClient(url, key, secret, channel).ping())
            """);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["400 -1022", "401 -2015", "HTTP/1.1 413 Payload Too Large", "momentum"], lines);
        Assert.Equal(["-1022", "-2015"], h.Audit.Events.Where(e => e.Action == "gateway.auth").Select(e => e.Details!["code"]));
        Assert.Equal(["-1000"], h.Audit.Events.Where(e => e.Action == BotChannelServer.RequestRefusedAction).Select(e => e.Details!["code"]));
        Assert.All(h.Control.Status(), s => Assert.Null(s.StatusLine));
    }
}
