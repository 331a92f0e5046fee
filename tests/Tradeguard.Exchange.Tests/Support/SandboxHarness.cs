using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Exchange.Signing;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Data;

namespace Tradeguard.Exchange.Tests.Support;

/// <summary>A sandbox on 127.0.0.1 over ORCL 2000 (the bundled sample config's data), one key, and a client for it; all logs captured.</summary>
public sealed class SandboxHarness : IAsyncDisposable
{
    private SandboxHarness(RunPlan plan, BarSeries bars, ReplayMarket market, SandboxServer server, SandboxKey key, ApiCredentials credentials,
        BinanceSpotClient client, LogCapture log)
    {
        Plan = plan;
        Bars = bars;
        Market = market;
        Server = server;
        Key = key;
        Credentials = credentials;
        Client = client;
        Log = log;
    }

    public RunPlan Plan { get; }

    public BarSeries Bars { get; }

    public ReplayMarket Market { get; }

    public SandboxServer Server { get; }

    public SandboxKey Key { get; }

    public ApiCredentials Credentials { get; }

    public BinanceSpotClient Client { get; }

    public LogCapture Log { get; }

    /// <summary>Starts the sandbox; <paramref name="filters"/> replaces its default symbol filters (10^-8 steps, no minimum).</summary>
    public static async Task<SandboxHarness> StartAsync(bool withdrawals = false, bool ipRestricted = true, TimeProvider? serverTime = null, RunPlan? plan = null,
        Instrument? filters = null)
    {
        plan ??= RunConfigLoader.Load(RepoPaths.Samples("sma-cross-orcl.json"));
        var bars = plan.LoadBars();
        var market = new ReplayMarket(bars, "USD", plan.Engine.InitialCash, plan.Engine.Commission, plan.Engine.Slippage);
        var (store, key) = Keys.Create("sandbox", withdrawals, ipRestricted);
        var log = new LogCapture();
        var options = new SandboxOptions { Time = serverTime ?? TimeProvider.System };
        var server = await SandboxServer.StartAsync(market, SandboxKeyring.Load(store), filters is null ? options : options with { Filters = filters }, log);
        var credentials = ApiCredentials.Load(store, "sandbox");
        var client = BinanceSpotClient.Create(credentials, new ExchangeClientOptions { BaseAddress = server.BaseAddress }, log);
        return new SandboxHarness(plan, bars, market, server, key, credentials, client, log);
    }

    /// <summary>The secret, the whole key, and any 64-hex-digit string (a signature) must never be in the logs.</summary>
    public void AssertLogsHoldNoSecret()
    {
        var text = Log.Text;
        Assert.NotEmpty(Log.Lines);
        Assert.DoesNotContain(Key.ApiSecret.Reveal(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-fA-F]{64}", text);
        Assert.DoesNotContain("signature=", text, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Credentials.Dispose();
        await Server.DisposeAsync();
    }
}
