using System.Runtime.ExceptionServices;
using System.Text;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Storage;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Models;

namespace Tradeguard.Exchange.Data;

/// <summary>
/// Downloads one symbol's closed candles into a CSV that <c>tradeguard run</c> reads (<see cref="KlineCsv"/>), with a
/// manifest beside it (<see cref="DownloadManifest"/>). Pages through <c>GET /api/v3/klines</c> by start time, 1000
/// candles a request (Binance's most), so the client's rate-limit gate, 429/418 handling, retries and timeouts apply
/// to every page. Candles whose close time is not before the server's time are still open and are not written.
/// </summary>
/// <remarks>
/// Resume: when the CSV exists and its manifest names the same exchange, symbol and interval, the whole file is
/// checked and the download continues after its last bar. A damaged file is refused (exit 4), a file of another
/// series or with no manifest too (exit 5); neither is ever changed. The CSV is replaced atomically (temp file in the
/// same folder, fsync, rename): if a page fails (network, 429 after the allowed waits, Ctrl+C), the complete pages
/// fetched so far are kept and the error is raised, so running the same command again continues from there.
/// </remarks>
public sealed class KlineDownloader
{
    /// <summary>Candles asked for per request: Binance's maximum <c>limit</c>.</summary>
    public const int PageSize = 1000;

    private readonly IExchangeClient client;

    /// <summary>Creates a downloader over <paramref name="client"/> (klines are public: the client needs no key).</summary>
    public KlineDownloader(IExchangeClient client) => this.client = client;

    /// <summary>Runs <paramref name="download"/>.</summary>
    /// <param name="download">Symbol, interval, range and file.</param>
    /// <param name="progress">Told after every page: bars in the file and the last open time (Unix ms).</param>
    /// <param name="cancellationToken">Stops after the page in flight; what was fetched is kept.</param>
    /// <exception cref="TradeguardException">
    /// Exit 5: the exchange does not list the symbol (Binance -1121), or the file is another series' or not a download,
    /// or the folder cannot be written. Exit 4: the existing file or its manifest is damaged. Exit 6 (an
    /// <see cref="ExchangeApiException"/>): the exchange could not be reached or refused a request.
    /// </exception>
    public async Task<KlineDownloadResult> RunAsync(KlineDownload download, IProgress<(int Bars, long LastOpenTime)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var manifestPath = DownloadManifest.PathFor(download.OutputPath);
        var existing = Existing(download, manifestPath);
        var symbol = await Symbol(download, cancellationToken).ConfigureAwait(false);
        var manifest = new DownloadManifest(download.Exchange, download.Symbol, download.Interval.Name, symbol.Filters);
        var serverTime = await client.GetServerTimeAsync(cancellationToken).ConfigureAwait(false);

        var bars = existing.Bars;
        var last = existing.LastOpenTime;
        ExceptionDispatchInfo? failure = null;
        manifest.Write(manifestPath);
        await AtomicFile.WriteAsync(download.OutputPath, async stream =>
        {
            if (existing.Bars > 0)
            {
                await using var old = File.OpenRead(download.OutputPath);
                await old.CopyToAsync(stream, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(KlineCsv.Header + "\n"), CancellationToken.None).ConfigureAwait(false);
            }

            try
            {
                var next = last is { } resumeAfter ? download.Interval.Next(resumeAfter) : download.From;
                while (next <= download.To)
                {
                    var page = await client.GetKlinesAsync(download.Symbol, download.Interval.Name, next, download.To, PageSize, cancellationToken).ConfigureAwait(false);
                    var text = new StringBuilder();
                    var closed = 0;
                    foreach (var kline in page)
                    {
                        if (kline.CloseTime >= serverTime)
                        {
                            break;
                        }

                        // An exchange that ignored startTime would repeat bars; the file's times must strictly increase.
                        if (kline.OpenTime >= next && kline.OpenTime <= download.To)
                        {
                            text.Append(KlineCsv.Line(kline));
                            last = kline.OpenTime;
                            next = kline.OpenTime + 1;
                            closed++;
                        }
                    }

                    // Local writes are not cancelled: a page goes to the file whole or not at all.
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), CancellationToken.None).ConfigureAwait(false);
                    bars += closed;
                    if (last is { } through && closed > 0)
                    {
                        progress?.Report((bars, through));
                    }

                    if (page.Count < PageSize || closed < page.Count)
                    {
                        break;
                    }
                }
            }
            catch (Exception e) when (e is ExchangeApiException or OperationCanceledException)
            {
                // Keep the complete pages: the rename below commits them, and the error is raised after it.
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }).ConfigureAwait(false);

        if (failure?.SourceException is ExchangeApiException { Code: -1120 } badInterval)
        {
            throw new TradeguardException(ExitCode.Usage,
                $"{download.Exchange} does not serve {download.Interval.Name} candles for {download.Symbol} (-1120 Invalid interval)", badInterval);
        }

        failure?.Throw();
        return new KlineDownloadResult(Path.GetFullPath(download.OutputPath), manifestPath, manifest.Instrument, existing.Bars, bars - existing.Bars, last);
    }

    /// <summary>The file's bars when it is an earlier download of the same series; (0, null) when there is no file.</summary>
    private static (int Bars, long? LastOpenTime) Existing(KlineDownload download, string manifestPath)
    {
        if (!File.Exists(download.OutputPath))
        {
            return (0, null);
        }

        var wanted = new DownloadManifest(download.Exchange, download.Symbol, download.Interval.Name, null);
        var found = DownloadManifest.Read(manifestPath);
        if (found is null || !found.SameSeries(wanted))
        {
            var what = found is null ? $"has no {Path.GetFileName(manifestPath)} beside it" : $"holds {found.Exchange} {found.Symbol} {found.Interval} bars";
            throw new TradeguardException(ExitCode.Configuration,
                $"{download.OutputPath} exists and {what}, not {download.Exchange} {download.Symbol} {download.Interval.Name}: " +
                "it is left as it is; choose another --output or move the file away");
        }

        return KlineCsv.ReadExisting(download.OutputPath);
    }

    private async Task<SymbolInfo> Symbol(KlineDownload download, CancellationToken cancellationToken)
    {
        ExchangeInfo info;
        try
        {
            info = await client.GetExchangeInfoAsync(download.Symbol, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeApiException e) when (e.Code == -1121)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"{download.Exchange} does not list the symbol {download.Symbol} (-1121 Invalid symbol): check its spelling, e.g. BTCUSDT", e);
        }

        return info.Symbols.FirstOrDefault(s => s.Symbol == download.Symbol)
            ?? throw new TradeguardException(ExitCode.Configuration, $"{download.Exchange} does not list the symbol {download.Symbol}: check its spelling, e.g. BTCUSDT");
    }
}
