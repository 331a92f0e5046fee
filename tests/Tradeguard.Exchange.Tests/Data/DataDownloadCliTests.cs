using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;

namespace Tradeguard.Exchange.Tests.Data;

/// <summary><c>tradeguard data download</c> as a user runs it, against the 1m sandbox, and <c>run</c> over what it wrote.</summary>
public sealed class DataDownloadCliTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Download_ThenRun_TradesFractionalLotsOnMinuteBars_AndAnnualisesBy525600()
    {
        await using var sandbox = await MinuteSandbox.StartAsync(2500);
        string[] download = ["data", "download", "--exchange", "binance", "--symbol", "btcusdt", "--interval", "1m",
            "--from", "2024-01-06", "--to", "2024-01-07T17:39", "--base-url", sandbox.Server.BaseAddress.ToString()];

        var fetched = TradeguardCli.Run(download, workingDirectory: folder.Path);

        Assert.True(fetched.ExitCode == 0, fetched.AllOutput);
        Assert.Equal(
            "progress: BTCUSDT 1m: 1,000 bars, through 2024-01-06T16:39:00Z\n" +
            "progress: BTCUSDT 1m: 2,000 bars, through 2024-01-07T09:19:00Z\n" +
            "progress: BTCUSDT 1m: 2,500 bars, through 2024-01-07T17:39:00Z\n", fetched.Stderr);
        Assert.Equal(
            $"{folder.Combine("BTCUSDT-1m.csv")}: 2500 1m bars of BTCUSDT through 2024-01-07T17:39:00Z (2500 new).\n" +
            $"{folder.Combine("BTCUSDT-1m.instrument.json")}: the symbol's filters; for a run config:\n" +
            "  \"data\": { \"file\": \"BTCUSDT-1m.csv\" },\n" +
            "  \"instrument\": { \"lotSize\": 0.00001, \"tickSize\": 0.01, \"minNotional\": 5 }\n", fetched.Stdout);

        var again = TradeguardCli.Run(download, workingDirectory: folder.Path);
        Assert.True(again.ExitCode == 0, again.AllOutput);
        Assert.StartsWith($"{folder.Combine("BTCUSDT-1m.csv")}: 2500 1m bars of BTCUSDT through 2024-01-07T17:39:00Z (0 new, continuing 2500).", again.Stdout, StringComparison.Ordinal);

        var config = folder.Combine("btc.json");
        File.WriteAllText(config, """
            {
              "data": { "file": "BTCUSDT-1m.csv" },
              "instrument": { "lotSize": 0.00001, "tickSize": 0.01, "minNotional": 5 },
              "strategy": { "name": "price-sma-cross", "parameters": { "period": 15 } },
              "broker": { "cash": 10000, "sizer": { "model": "percent-of-equity", "value": 0.5 } }
            }
            """);
        var run = TradeguardCli.Run(["run", config, "--output", folder.Combine("report"), "--quiet"], workingDirectory: folder.Path);

        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.Contains("│ period │ 2024-01-06 … 2024-01-07 17:39 │", Regex.Replace(run.Stdout, " +", " "), StringComparison.Ordinal);
        Assert.Contains("│ Sharpe (annualised, 525600) │", Regex.Replace(run.Stdout, " +", " "), StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Combine("report"), "metrics.json")));
        Assert.Equal(525_600, metrics.RootElement.GetProperty("periodsPerYear").GetDouble());
        Assert.Equal(2500, metrics.RootElement.GetProperty("bars").GetInt32());
        var trades = File.ReadAllLines(Path.Combine(folder.Combine("report"), "trades.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.NotEmpty(trades);
        // Every trade opens and closes at a minute of the download, and its size is a whole number of 0.00001 lots.
        var minutes = sandbox.Bars.Bars.Select(b => b.Time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(trades, t => Assert.True(minutes.Contains(t[1]) && minutes.Contains(t[2]), string.Join(',', t)));
        Assert.Contains(trades, t => t[1][11..] != "00:00:00");
        Assert.All(trades, t => Assert.Equal(0m, decimal.Parse(t[3], CultureInfo.InvariantCulture) % 0.00001m));
        Assert.Contains(trades, t => decimal.Parse(t[3], CultureInfo.InvariantCulture) % 1 != 0);
        var equity = File.ReadAllLines(Path.Combine(folder.Combine("report"), "equity.csv"));
        Assert.Equal("2024-01-06T00:01:00", equity[2].Split(',')[0]);
    }

    [Theory]
    [InlineData(new[] { "--interval", "2m" }, 2, "error: --interval \"2m\" is not a candle interval: use one of 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d, 3d, 1w, 1M")]
    [InlineData(new[] { "--from", "2024-01-08" }, 2, "error: --from 2024-01-08 is after --to 2024-01-07")]
    [InlineData(new[] { "--from", "06/01/2024" }, 2, "error: --from \"06/01/2024\" is not a date: use yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss] (UTC)")]
    [InlineData(new[] { "--symbol", "DOGEUSDT" }, 5, "error: binance does not list the symbol DOGEUSDT (-1121 Invalid symbol): check its spelling, e.g. BTCUSDT")]
    public async Task BadInput_ExitsWithItsCode_AndSaysWhy(string[] change, int exitCode, string message)
    {
        await using var sandbox = await MinuteSandbox.StartAsync(10);
        var args = new Dictionary<string, string>
        {
            ["--exchange"] = "binance", ["--symbol"] = "BTCUSDT", ["--interval"] = "1m", ["--from"] = "2024-01-06", ["--to"] = "2024-01-07",
            ["--base-url"] = sandbox.Server.BaseAddress.ToString(),
        };
        args[change[0]] = change[1];

        var result = TradeguardCli.Run(["data", "download", .. args.SelectMany(a => new[] { a.Key, a.Value })], workingDirectory: folder.Path);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(message, result.Stderr.Trim());
        Assert.Empty(Directory.GetFiles(folder.Path, "*.csv"));
    }

    [Fact]
    public void AnExchangeThatDoesNotAnswer_IsExit6()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = TradeguardCli.Run(["data", "download", "--exchange", "binance", "--symbol", "BTCUSDT", "--interval", "1h",
            "--from", "2024-01-01", "--to", "2024-01-02", "--base-url", $"http://127.0.0.1:{port}/"], workingDirectory: folder.Path, timeout: TimeSpan.FromSeconds(90));

        Assert.Equal(6, result.ExitCode);
        Assert.EndsWith($"error: GET /api/v3/exchangeInfo: the exchange at http://127.0.0.1:{port} did not answer after retries; is `tradeguard sandbox serve` running on http://127.0.0.1:{port}?",
            result.Stderr.Trim(), StringComparison.Ordinal);
    }
}
