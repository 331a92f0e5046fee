using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;

namespace Tradeguard.Exchange.Tests;

/// <summary>The sandbox replays nothing until a client asks for candles, so a runner started later loses no bar.</summary>
public sealed class SandboxStartTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void ReplayMarket_SignalsTheFirstClientRequest()
    {
        var bars = CsvBarLoader.Load(RepoPaths.Samples("data", "orcl-1995-2014.txt"), new BarLoadOptions { From = new DateTime(2000, 1, 1), To = new DateTime(2000, 1, 31) });
        var market = new ReplayMarket(bars, "USD", 1000, CommissionModel.None, SlippageModel.None);
        Assert.False(market.FirstClientRequest.IsCompleted);

        Assert.Empty(market.ClosedBars(null, 10));

        Assert.True(market.FirstClientRequest.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task SandboxServe_WaitsForTheFirstCandleRequest_BeforeClosingABar()
    {
        var (sandbox, http) = StartWaitingSandbox("10");
        using var _ = sandbox;
        using var __ = http;

        // At 10 bars a second a replay that had started at launch would have closed 15 bars or more by the first candle
        // request; each of these asks only for the time.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/v3/time")).StatusCode);
            await Task.Delay(500);
        }

        // The request starts the replay; on a loaded machine one bar may close while that same request is answered.
        var first = JsonDocument.Parse(await http.GetStringAsync("api/v3/klines?symbol=ORCL&interval=1d&limit=1000"));
        Assert.InRange(first.RootElement.GetArrayLength(), 0, 1);
        sandbox.WaitForStdout("A client asked for the market: replaying.", TimeSpan.FromSeconds(30));
        sandbox.Terminate();
        Assert.Equal(0, sandbox.WaitForExit(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task SandboxServe_FirstPriceRequest_StartsTheReplay_AndIsAnsweredWithTheFirstBarsClose()
    {
        // A bot behind the gateway asks for a price before its first order (the gateway's notional check), not for
        // candles: that first request must get a price, not "Market is closed".
        var (sandbox, http) = StartWaitingSandbox("1");
        using var _ = sandbox;
        using var __ = http;

        var answer = await http.GetAsync("api/v3/ticker/price?symbol=ORCL");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("ORCL", JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("symbol").GetString());
        sandbox.WaitForStdout("A client asked for the market: replaying.", TimeSpan.FromSeconds(30));
        sandbox.Terminate();
        Assert.Equal(0, sandbox.WaitForExit(TimeSpan.FromSeconds(30)));
    }

    private (ServiceProcess Sandbox, HttpClient Http) StartWaitingSandbox(string speed)
    {
        var env = SandboxInstallation.Create(_home);
        var port = FreePort();
        var sandbox = new ServiceProcess(["sandbox", "serve", "--data", RepoPaths.Samples("data", "orcl-1995-2014.txt"), "--symbol", "ORCL",
            "--from", "2000-01-01", "--to", "2000-12-31", "--speed", speed, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], env);
        sandbox.WaitForStdout("Waiting for the first client to ask for the market", TimeSpan.FromSeconds(60));
        return (sandbox, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") });
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
