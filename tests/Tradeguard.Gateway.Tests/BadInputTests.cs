using System.Net;
using System.Net.Sockets;
using System.Text;
using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests;

/// <summary>Malformed, oversized, idle and slow clients each get a bounded, clean answer, and the gateway keeps serving the other bots.</summary>
public sealed class BadInputTests
{
    private static Task<GatewayHarness> StartQuickLimits() => GatewayHarness.StartAsync(parts => parts with
    {
        HeadersTimeout = TimeSpan.FromSeconds(1),
        IdleTimeout = TimeSpan.FromSeconds(2),
        SlowBodyGrace = TimeSpan.FromSeconds(2),
    });

    [Fact]
    public async Task MalformedQueryAndJson_GetBinanceErrors_NotCrashes()
    {
        await using var h = await GatewayHarness.StartAsync();
        var key = h.Bots["momentum"].ApiKey;

        var garbage = await h.SendAsync(HttpMethod.Get, "/api/v3/account", "%zz&&==&timestamp=abc&signature=%", null, key);
        Assert.Equal((400, -1102), (garbage.Status, garbage.Code));

        var json = await h.SendAsync(HttpMethod.Post, "/api/v3/order", "", """{"symbol": "ORCL", "side": "BUY", "timestamp": 1""", key);
        Assert.Equal((400, -1102), (json.Status, json.Code));

        var repeated = await h.SignedAsync("momentum", HttpMethod.Post, "/api/v3/order",
            [("symbol", "ORCL"), ("side", "BUY"), ("side", "SELL"), ("type", "MARKET"), ("quantity", "1")], inBody: true);
        Assert.Equal((400, -1101, "Duplicate values for parameter 'side'."), (repeated.Status, repeated.Code, repeated.Message)); // errors.md -1101

        var badNumber = await h.SignedAsync("momentum", HttpMethod.Post, "/api/v3/order",
            [("symbol", "ORCL"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "1e9")], inBody: true);
        Assert.Equal((400, -1100), (badNumber.Status, badNumber.Code));

        var publicGarbage = await h.SendAsync(HttpMethod.Get, "/api/v3/klines", "symbol=%ff%fe&limit=-5", null, null);
        Assert.Equal(400, publicGarbage.Status);
        Assert.Equal(-1121, publicGarbage.Code);

        Assert.Equal(200, (await h.OrderAsync("meanrev", "BUY", "MARKET", 1)).Status);
        h.AssertNoExchangeSecretAnywhere();
    }

    [Fact]
    public async Task TenMegabyteBody_Is413_AndOtherBotsAreServed()
    {
        await using var h = await GatewayHarness.StartAsync();
        // A raw client, since HttpClient gives up on its own send once the server has answered and closed.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, h.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /api/v3/order HTTP/1.1\r\nHost: 127.0.0.1\r\nX-MBX-APIKEY: {h.Bots["momentum"].ApiKey}\r\n" +
            $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {10 * 1024 * 1024}\r\n\r\n"));
        var reader = ReadAllAsync(stream);
        var chunk = Encoding.ASCII.GetBytes(new string('1', 64 * 1024));
        for (var sent = 0; sent < 160 && !reader.IsCompleted; sent++)
        {
            try
            {
                await stream.WriteAsync(chunk);
            }
            catch (IOException)
            {
                break; // the gateway stopped reading: it has answered
            }
        }

        var text = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("HTTP/1.1 413", text, StringComparison.Ordinal);
        Assert.Contains("{\"code\":-1000,\"msg\":\"Request body too large.\"}", text, StringComparison.Ordinal);
        Assert.Empty(h.Upstream.Sent);
        Assert.Equal(200, (await h.OrderAsync("meanrev", "BUY", "MARKET", 1)).Status);
    }

    [Fact]
    public async Task ThousandIdleConnections_AreClosedByTheServer_WhileOtherBotsAreServed()
    {
        await using var h = await StartQuickLimits();
        var idle = new List<Socket>();
        try
        {
            for (var i = 0; i < 1000; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, h.BaseAddress.Port);
                idle.Add(socket);
            }

            // Served while 1,000 connections sit idle.
            Assert.Equal(200, (await h.OrderAsync("meanrev", "BUY", "MARKET", 1)).Status);

            // Each idle connection is closed by the gateway (headers timeout): a read returns 0 bytes or the reset.
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var closed = await Task.WhenAll(idle.Select(async s =>
            {
                try
                {
                    var buffer = new byte[512];
                    while (await s.ReceiveAsync(buffer, SocketFlags.None, bounded.Token) > 0)
                    {
                    }

                    return true;
                }
                catch (SocketException)
                {
                    return true;
                }
            }));
            Assert.All(closed, Assert.True);
        }
        finally
        {
            idle.ForEach(s => s.Dispose());
        }

        Assert.Equal(200, (await h.OrderAsync("momentum", "BUY", "MARKET", 1)).Status);
    }

    [Fact]
    public async Task SlowClient_IsCutOffWithABoundedAnswer_WhileOtherBotsAreServed()
    {
        await using var h = await StartQuickLimits();
        using var slow = new TcpClient();
        await slow.ConnectAsync(IPAddress.Loopback, h.BaseAddress.Port);
        var stream = slow.GetStream();
        var head = $"POST /api/v3/order HTTP/1.1\r\nHost: 127.0.0.1\r\nX-MBX-APIKEY: {h.Bots["momentum"].ApiKey}\r\n" +
                   "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nsymbol=OR";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // While it trickles, another bot trades.
        Assert.Equal(200, (await h.OrderAsync("meanrev", "BUY", "MARKET", 1)).Status);

        var reader = ReadAllAsync(stream);
        for (var i = 0; i < 100 && !reader.IsCompleted; i++)
        {
            try
            {
                await stream.WriteAsync("D"u8.ToArray()); // a byte every 300 ms: far under Kestrel's 240 bytes/s
            }
            catch (IOException)
            {
                break;
            }

            await Task.Delay(300);
        }

        var text = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(text.Length == 0 || text.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), text);
        Assert.DoesNotContain(h.Upstream.Sent, s => s.Method == "POST" && s.Body.Contains("DDDD", StringComparison.Ordinal));
        Assert.Equal(200, (await h.OrderAsync("momentum", "BUY", "MARKET", 1)).Status);
    }

    /// <summary>Reads until the server closes the connection (or resets it); returns what arrived.</summary>
    private static Task<string> ReadAllAsync(NetworkStream stream) => Task.Run(async () =>
    {
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // closed by the server: a clean end too
        }

        return answer.ToString();
    });
}
