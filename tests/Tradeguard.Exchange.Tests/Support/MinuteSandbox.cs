using Tradeguard.Exchange.Models;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;

namespace Tradeguard.Exchange.Tests.Support;

/// <summary>
/// A sandbox on 127.0.0.1 replaying 1m candles of "BTCUSDT" around the clock, every bar already closed: the prices are
/// ORCL's real daily bars from 1995 on (samples/data/orcl-1995-2014.txt, Yahoo, adjusted), re-stamped one minute apart
/// from Saturday 2024-01-06T00:00Z, so the series runs through a weekend as crypto does. Its exchangeInfo carries
/// BTCUSDT-like filters: lot 0.00001, tick 0.01, minimum notional 5.
/// </summary>
public sealed class MinuteSandbox : IAsyncDisposable
{
    public static readonly DateTime Start = new(2024, 1, 6, 0, 0, 0, DateTimeKind.Utc);

    private MinuteSandbox(BarSeries bars, SandboxServer server, LogCapture log)
    {
        Bars = bars;
        Server = server;
        Log = log;
    }

    public BarSeries Bars { get; }

    public SandboxServer Server { get; }

    public LogCapture Log { get; }

    public static long Ms(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static async Task<MinuteSandbox> StartAsync(int bars)
    {
        var daily = CsvBarLoader.Load(RepoPaths.Samples("data", "orcl-1995-2014.txt"), new BarLoadOptions { Symbol = "BTCUSDT" });
        var minutes = new BarSeries("BTCUSDT", daily.Bars.Take(bars).Select((b, i) => b with { Time = Start.AddMinutes(i) }));
        var market = new ReplayMarket(minutes, "USDT", 10_000, CommissionModel.None, SlippageModel.None);
        while (market.Advance())
        {
        }

        var (store, _) = Keys.Create();
        var log = new LogCapture();
        var server = await SandboxServer.StartAsync(market, SandboxKeyring.Load(store), new SandboxOptions
        {
            Interval = KlineInterval.Parse("1m"),
            Filters = new Instrument(0.00001m, 0.01m, 5m),
        }, log);
        return new MinuteSandbox(minutes, server, log);
    }

    /// <summary>The CSV lines a download of bars [first, first + count) writes: Yahoo's prices as the loader rounded them.</summary>
    public string Lines(int first, int count) => string.Concat(Bars.Bars.Skip(first).Take(count).Select(b =>
        FormattableString.Invariant($"{b.Time:yyyy-MM-dd'T'HH:mm:ss'Z'},{b.Open:0.############},{b.High:0.############},{b.Low:0.############},{b.Close:0.############},{b.Volume:0.############}\n")));

    public int KlineRequests => Log.Lines.Count(l => l.Contains("/api/v3/klines", StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
