using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Tradeguard.Cli.Commands.Exchange;
using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Data;
using Tradeguard.Exchange.Models;

namespace Tradeguard.Cli.Commands.Data;

/// <summary><c>data download</c>: an exchange's closed candles into a CSV (and its instrument file), resuming an earlier download.</summary>
internal static class DataDownloadCommand
{
    public static Command Create()
    {
        var exchange = new Option<string>("--exchange") { Description = "Exchange (binance)", Required = true };
        exchange.AcceptOnlyFromAmong("binance");
        var symbol = new Option<string>("--symbol") { Description = "Trading pair, e.g. BTCUSDT", Required = true };
        var interval = new Option<string>("--interval") { Description = $"Candle interval: {string.Join(", ", KlineInterval.Names)}", Required = true };
        var from = new Option<string>("--from") { Description = "First candle: yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss] (UTC, open time)", Required = true };
        var to = new Option<string>("--to") { Description = "Last candle: yyyy-MM-dd (that whole day) or yyyy-MM-ddTHH:mm[:ss] (UTC, open time, inclusive)", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "CSV file (default ./SYMBOL-INTERVAL.csv); an earlier download of the same series is continued" };
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "REST endpoint (default Binance's https://api.binance.com/; http only to a loopback address, e.g. the sandbox)",
            DefaultValueFactory = _ => ExchangeClientOptions.BinanceSpot.ToString(),
        };
        var command = new Command("download",
            "Download closed candles (public market data: no API key, no vault) into a CSV that run reads as data.file, 1000 a request " +
            "within the exchange's rate limits, plus SYMBOL-INTERVAL.instrument.json with the symbol's lot size, tick size and minimum " +
            "notional. Run again to continue an interrupted or older download.\n\n" +
            "Exit codes: 0 done, 2 usage (bad interval, date, or --from after --to), 4 the existing file is damaged, " +
            "5 unknown symbol, the file is another series' or cannot be written, 6 the exchange failed or could not be reached.")
        {
            exchange, symbol, interval, from, to, output, baseUrl,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var name = parseResult.GetValue(interval)!;
            var candles = KlineInterval.TryParse(name, out var parsed) ? parsed
                : throw new TradeguardException(ExitCode.Usage, $"--interval \"{name}\" is not a candle interval: use one of {string.Join(", ", KlineInterval.Names)}");
            var (first, last) = KlineDownload.ParseRange(parseResult.GetValue(from)!, parseResult.GetValue(to)!);
            var pair = parseResult.GetValue(symbol)!.ToUpperInvariant();
            var download = new KlineDownload(parseResult.GetValue(exchange)!, pair, candles, first, last,
                parseResult.GetValue(output) ?? KlineDownload.DefaultFileName(pair, candles));
            var url = parseResult.GetValue(baseUrl)!;
            var endpoint = Uri.TryCreate(url, UriKind.Absolute, out var parsedUrl) && parsedUrl.Scheme is "http" or "https" ? parsedUrl
                : throw new TradeguardException(ExitCode.Usage, $"--base-url \"{url}\" is not an http(s) URL");
            var options = new ExchangeClientOptions { BaseAddress = endpoint, Exchange = download.Exchange };
            using var client = BinanceSpotClient.CreatePublic(options, new ConsoleLog(LogLevel.Warning));
            var result = await new KlineDownloader(client).RunAsync(download, new StderrProgress(pair, candles), cancellationToken);
            Console.WriteLine($"{result.CsvPath}: {result.BarsBefore + result.BarsAdded} {candles} bars of {pair}" +
                (result.LastOpenTime is { } lastOpen ? $" through {Utc(lastOpen)}" : "") +
                $" ({result.BarsAdded} new{(result.BarsBefore > 0 ? $", continuing {result.BarsBefore}" : "")}).");
            Console.WriteLine($"{result.InstrumentPath}: the symbol's filters; for a run config:");
            Console.WriteLine($"  \"data\": {{ \"file\": \"{Path.GetFileName(result.CsvPath)}\" }},");
            if (result.Instrument is { } i)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  \"instrument\": {{ \"lotSize\": {i.LotSize}, \"tickSize\": {i.TickSize}, \"minNotional\": {i.MinNotional} }}"));
            }

            return 0;
        });
        return command;
    }

    private static string Utc(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Progress<T> would post to the thread pool, so lines could come after the summary: this writes at once, in order.
    private sealed class StderrProgress(string symbol, KlineInterval interval) : IProgress<(int Bars, long LastOpenTime)>
    {
        public void Report((int Bars, long LastOpenTime) value) =>
            Console.Error.WriteLine($"progress: {symbol} {interval}: {value.Bars.ToString("N0", CultureInfo.InvariantCulture)} bars, through {Utc(value.LastOpenTime)}");
    }
}
