using System.Diagnostics;
using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Data;
using Tradeguard.Exchange.Models;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;

namespace Tradeguard.Exchange.Tests.Data;

/// <summary><see cref="KlineDownloader"/> against the sandbox on 127.0.0.1 (and a scripted server for 429 and open candles).</summary>
public sealed class KlineDownloaderTests : IDisposable
{
    private static readonly KlineInterval OneMinute = KlineInterval.Parse("1m");
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Download_Pages2500MinuteBarsThroughThe1000Limit_IntoACsvTheLoaderReads()
    {
        await using var sandbox = await MinuteSandbox.StartAsync(2500);
        var path = folder.Combine("BTCUSDT-1m.csv");
        var pages = new List<(int Bars, long Last)>();

        var result = await Download(sandbox, path, 0, 2499, new Recorder(pages));

        Assert.Equal(KlineCsv.Header + "\n" + sandbox.Lines(0, 2500), File.ReadAllText(path));
        Assert.Equal([(1000, Ms(999)), (2000, Ms(1999)), (2500, Ms(2499))], pages);
        Assert.Equal(3, sandbox.KlineRequests); // 1000 + 1000 + 500: a short page is the last
        Assert.Equal((0, 2500, Ms(2499)), (result.BarsBefore, result.BarsAdded, result.LastOpenTime));
        var loaded = CsvBarLoader.Load(path);
        Assert.Equal("BTCUSDT", loaded.Symbol);
        Assert.Equal(sandbox.Bars.Bars, loaded.Bars);
        Assert.Equal(new DateTime(2024, 1, 7, 17, 39, 0), loaded.Bars[^1].Time); // 2,499 minutes after Saturday midnight
    }

    [Fact]
    public async Task Download_WritesTheSymbolsFiltersBesideTheCsv()
    {
        await using var sandbox = await MinuteSandbox.StartAsync(10);
        var path = folder.Combine("BTCUSDT-1m.csv");

        var result = await Download(sandbox, path, 0, 9);

        Assert.Equal(new Instrument(0.00001m, 0.01m, 5m), result.Instrument);
        Assert.Equal(folder.Combine("BTCUSDT-1m.instrument.json"), result.InstrumentPath);
        Assert.Equal("""
            {
              "exchange": "binance",
              "symbol": "BTCUSDT",
              "interval": "1m",
              "instrument": {
                "lotSize": 0.00001,
                "tickSize": 0.01,
                "minNotional": 5
              }
            }

            """, File.ReadAllText(result.InstrumentPath));
    }

    [Fact]
    public async Task Resume_AppendsAfterTheLastBar_WithNoDuplicateAndNoGap()
    {
        await using var sandbox = await MinuteSandbox.StartAsync(2500);
        var path = folder.Combine("BTCUSDT-1m.csv");
        await Download(sandbox, path, 0, 1199);
        Assert.Equal(KlineCsv.Header + "\n" + sandbox.Lines(0, 1200), File.ReadAllText(path));
        var before = sandbox.KlineRequests;

        var result = await Download(sandbox, path, 0, 2499);

        Assert.Equal(KlineCsv.Header + "\n" + sandbox.Lines(0, 2500), File.ReadAllText(path));
        Assert.Equal((1200, 1300), (result.BarsBefore, result.BarsAdded));
        Assert.Equal(2, sandbox.KlineRequests - before); // 1000 + 300 from bar 1200 on, none for bars already held
    }

    [Fact]
    public async Task InterruptedDownload_KeepsItsCompletePages_AndTheSameCommandFinishesIt()
    {
        await using var sandbox = await MinuteSandbox.StartAsync(2500);
        var path = folder.Combine("BTCUSDT-1m.csv");
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Download(sandbox, path, 0, 2499, new Stopper(stop), stop.Token));
        Assert.Equal(KlineCsv.Header + "\n" + sandbox.Lines(0, 1000), File.ReadAllText(path));
        var result = await Download(sandbox, path, 0, 2499);

        Assert.Equal(KlineCsv.Header + "\n" + sandbox.Lines(0, 2500), File.ReadAllText(path));
        Assert.Equal((1000, 1500), (result.BarsBefore, result.BarsAdded));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task ACutOffLastLine_IsRefusedWithExit4_AndTheFileIsLeftAsItWas()
    {
        await using var sandbox = await MinuteSandbox.StartAsync(20);
        var path = folder.Combine("BTCUSDT-1m.csv");
        await Download(sandbox, path, 0, 9);
        var cut = File.ReadAllText(path)[..^5];
        File.WriteAllText(path, cut);
        var requests = sandbox.KlineRequests;

        var error = await Assert.ThrowsAsync<TradeguardException>(() => Download(sandbox, path, 0, 19));

        Assert.Equal(ExitCode.IntegrityFailure, error.ExitCode);
        Assert.Equal($"{path} is damaged: its last line is cut off (no newline at its end). It is left as it is; move it away (or delete it) and download again", error.Message);
        Assert.Equal(cut, File.ReadAllText(path));
        Assert.Equal(requests, sandbox.KlineRequests);
    }

    [Fact]
    public async Task AMalformedRow_IsRefusedWithExit4NamingTheLine()
    {
        await using var sandbox = await MinuteSandbox.StartAsync(20);
        var path = folder.Combine("BTCUSDT-1m.csv");
        await Download(sandbox, path, 0, 9);
        var lines = File.ReadAllLines(path);
        lines[3] = lines[3].Replace(",", ",x", StringComparison.Ordinal);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        var error = await Assert.ThrowsAsync<DataFileException>(() => Download(sandbox, path, 0, 19));

        Assert.Equal(ExitCode.IntegrityFailure, error.ExitCode);
        Assert.StartsWith($"{path}: line 4, column 2 (Open): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOfAnotherInterval_OrWithoutItsInstrumentFile_IsRefusedWithExit5()
    {
        await using var sandbox = await MinuteSandbox.StartAsync(20);
        var path = folder.Combine("bars.csv");
        await Download(sandbox, path, 0, 9);
        var content = File.ReadAllText(path);

        var other = await Assert.ThrowsAsync<TradeguardException>(() => new KlineDownloader(Client(sandbox)).RunAsync(
            new KlineDownload("binance", "BTCUSDT", KlineInterval.Parse("5m"), Ms(0), Ms(19), path)));
        File.Delete(folder.Combine("bars.instrument.json"));
        var foreign = await Assert.ThrowsAsync<TradeguardException>(() => Download(sandbox, path, 0, 19));

        Assert.Equal((ExitCode.Configuration, ExitCode.Configuration), (other.ExitCode, foreign.ExitCode));
        Assert.Equal($"{path} exists and holds binance BTCUSDT 1m bars, not binance BTCUSDT 5m: it is left as it is; choose another --output or move the file away", other.Message);
        Assert.Equal($"{path} exists and has no bars.instrument.json beside it, not binance BTCUSDT 1m: it is left as it is; choose another --output or move the file away", foreign.Message);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public async Task AnUnknownSymbol_IsExit5NamingIt()
    {
        await using var sandbox = await MinuteSandbox.StartAsync(10);
        var path = folder.Combine("ETHUSDT-1m.csv");

        var error = await Assert.ThrowsAsync<TradeguardException>(() => new KlineDownloader(Client(sandbox)).RunAsync(
            new KlineDownload("binance", "ETHUSDT", OneMinute, Ms(0), Ms(9), path)));

        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.Equal("binance does not list the symbol ETHUSDT (-1121 Invalid symbol): check its spelling, e.g. BTCUSDT", error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task AnIntervalTheExchangeDoesNotServe_IsExit2()
    {
        await using var sandbox = await MinuteSandbox.StartAsync(10);

        var error = await Assert.ThrowsAsync<TradeguardException>(() => new KlineDownloader(Client(sandbox)).RunAsync(
            new KlineDownload("binance", "BTCUSDT", KlineInterval.Parse("1h"), Ms(0), Ms(9), folder.Combine("BTCUSDT-1h.csv"))));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Equal("binance does not serve 1h candles for BTCUSDT (-1120 Invalid interval)", error.Message);
    }

    [Fact]
    public async Task TooManyRequests_WaitsTheRetryAfterSeconds_ThenContinues()
    {
        using var server = new ScriptedServer(
            new ScriptedResponse(200, ExchangeInfo),
            new ScriptedResponse(200, """{"serverTime":1704499320000}"""),
            new ScriptedResponse(429, """{"code":-1003,"msg":"Too much request weight used; current limit is 6000 request weight per 1 MINUTE."}""", ("Retry-After", "1")),
            new ScriptedResponse(200, TwoKlines));
        using var client = BinanceSpotClient.CreatePublic(new ExchangeClientOptions { BaseAddress = server.BaseAddress });
        var path = folder.Combine("BTCUSDT-1m.csv");
        var watch = Stopwatch.StartNew();

        await new KlineDownloader(client).RunAsync(new KlineDownload("binance", "BTCUSDT", OneMinute, 1704499200000, 1704499260000, path));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {watch.Elapsed}");
        Assert.Equal(["GET /api/v3/exchangeInfo", "GET /api/v3/time", "GET /api/v3/klines", "GET /api/v3/klines"], server.Requests.ToArray());
        Assert.Equal(KlineCsv.Header + "\n" + FirstKline + SecondKline, File.ReadAllText(path));
    }

    [Fact]
    public async Task ACandleNotClosedByTheServersTime_IsNotWritten()
    {
        // Server time 30 s into the second candle (open 1704499260000, close 1704499319999).
        using var server = new ScriptedServer(
            new ScriptedResponse(200, ExchangeInfo),
            new ScriptedResponse(200, """{"serverTime":1704499290000}"""),
            new ScriptedResponse(200, TwoKlines));
        using var client = BinanceSpotClient.CreatePublic(new ExchangeClientOptions { BaseAddress = server.BaseAddress });
        var path = folder.Combine("BTCUSDT-1m.csv");

        var result = await new KlineDownloader(client).RunAsync(new KlineDownload("binance", "BTCUSDT", OneMinute, 1704499200000, 1704499260000, path));

        Assert.Equal(KlineCsv.Header + "\n" + FirstKline, File.ReadAllText(path));
        Assert.Equal(1704499200000, result.LastOpenTime);
    }

    [Fact]
    public async Task AnExchangeThatDoesNotAnswer_IsExit6WithinTheRetryBudget()
    {
        using var client = BinanceSpotClient.CreatePublic(new ExchangeClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{ClosedPort()}/"), Timeout = TimeSpan.FromSeconds(2) });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ExchangeApiException>(() => new KlineDownloader(client).RunAsync(
            new KlineDownload("binance", "BTCUSDT", OneMinute, 0, 60_000, folder.Combine("BTCUSDT-1m.csv"))));

        Assert.Equal(ExitCode.ExternalService, error.ExitCode);
        Assert.StartsWith("GET /api/v3/exchangeInfo: the exchange at http://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("2024-01-06", "2024-01-06", 1704499200000, 1704585599999)]
    [InlineData("2024-01-06T01:00", "2024-01-06T02:30:00Z", 1704502800000, 1704508200000)]
    public void ParseRange_ReadsDatesAsWholeUtcDays_AndTimesExactly(string from, string to, long first, long last)
    {
        Assert.Equal((first, last), KlineDownload.ParseRange(from, to));
    }

    [Fact]
    public void ParseRange_FromAfterTo_IsExit2()
    {
        var error = Assert.Throws<TradeguardException>(() => KlineDownload.ParseRange("2024-02-01", "2024-01-31"));

        Assert.Equal((ExitCode.Usage, "--from 2024-02-01 is after --to 2024-01-31"), (error.ExitCode, error.Message));
    }

    [Fact]
    public void Intervals_AreBinancesSet_WithMonthsOfCalendarLength()
    {
        Assert.Equal(["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"], KlineInterval.Names);
        Assert.False(KlineInterval.TryParse("1s", out _));
        Assert.False(KlineInterval.TryParse("1H", out _));
        // 2024-02-01T00:00Z: a leap February has 29 days, so March opens 29 × 86,400,000 ms later.
        Assert.Equal(1706745600000 + (29 * 86_400_000L) - 1, KlineInterval.Parse("1M").CloseTime(1706745600000));
        Assert.Equal(1704499259999, OneMinute.CloseTime(1704499200000));
    }

    private const string ExchangeInfo = """
        {"timezone":"UTC","serverTime":1704499320000,"rateLimits":[],"symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT",
        "orderTypes":["LIMIT","MARKET"],"filters":[{"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
        {"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000","stepSize":"0.00001000"},{"filterType":"NOTIONAL","minNotional":"5.00000000"}]}]}
        """;

    private const string TwoKlines = """
        [[1704499200000,"42000.01000000","42100.00000000","41950.50000000","42050.00000000","12.34500000",1704499259999,"0",0,"0","0","0"],
         [1704499260000,"42050.00000000","42060.00000000","42000.00000000","42001.99000000","3.00000000",1704499319999,"0",0,"0","0","0"]]
        """;

    private const string FirstKline = "2024-01-06T00:00:00Z,42000.01,42100,41950.5,42050,12.345\n";
    private const string SecondKline = "2024-01-06T00:01:00Z,42050,42060,42000,42001.99,3\n";

    private static long Ms(int bar) => MinuteSandbox.Ms(MinuteSandbox.Start.AddMinutes(bar));

    private static BinanceSpotClient Client(MinuteSandbox sandbox) =>
        BinanceSpotClient.CreatePublic(new ExchangeClientOptions { BaseAddress = sandbox.Server.BaseAddress });

    private static async Task<KlineDownloadResult> Download(MinuteSandbox sandbox, string path, int firstBar, int lastBar,
        IProgress<(int Bars, long LastOpenTime)>? progress = null, CancellationToken cancellationToken = default)
    {
        using var client = Client(sandbox);
        return await new KlineDownloader(client).RunAsync(new KlineDownload("binance", "BTCUSDT", OneMinute, Ms(firstBar), Ms(lastBar), path), progress, cancellationToken);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Recorder(List<(int, long)> pages) : IProgress<(int Bars, long LastOpenTime)>
    {
        public void Report((int Bars, long LastOpenTime) value) => pages.Add(value);
    }

    private sealed class Stopper(CancellationTokenSource stop) : IProgress<(int Bars, long LastOpenTime)>
    {
        public void Report((int Bars, long LastOpenTime) value) => stop.Cancel();
    }
}
