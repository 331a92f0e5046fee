using System.Globalization;
using System.Text;
using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Models;
using Tradeguard.Trading.Data;

namespace Tradeguard.Exchange.Data;

/// <summary>
/// The bar file a download writes, in the layout <see cref="CsvBarLoader"/> reads (so <c>tradeguard run</c> takes it
/// as <c>data.file</c>): the header <c>Date,Open,High,Low,Close,Volume</c>, then one line per candle, oldest first,
/// with its open time in UTC as <c>yyyy-MM-ddTHH:mm:ssZ</c>, prices in the quote currency and the base-asset volume,
/// written as the exchange sent them without trailing zeros. Every line ends with a newline, so a file whose last byte
/// is not one was cut off.
/// </summary>
public static class KlineCsv
{
    /// <summary>The first line.</summary>
    public const string Header = "Date,Open,High,Low,Close,Volume";

    /// <summary>The line of one candle, newline included.</summary>
    public static string Line(Kline kline) => string.Create(CultureInfo.InvariantCulture,
        $"{DateTimeOffset.FromUnixTimeMilliseconds(kline.OpenTime).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'},{Number(kline.Open)},{Number(kline.High)},{Number(kline.Low)},{Number(kline.Close)},{Number(kline.Volume)}\n");

    /// <summary>
    /// Checks an earlier download at <paramref name="path"/> before more is appended: the header, every row (with the
    /// loader's own checks), and a complete last line.
    /// </summary>
    /// <returns>The number of bars and the last bar's open time (Unix ms; null when the file has the header only).</returns>
    /// <exception cref="TradeguardException">Exit 4 for a damaged file (naming the line), exit 5 when it cannot be read.</exception>
    public static (int Bars, long? LastOpenTime) ReadExisting(string path)
    {
        string firstLine;
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            firstLine = reader.ReadLine() ?? string.Empty;
        }

        if (firstLine != Header)
        {
            throw Damaged(path, $"its first line is not the header {Header}");
        }

        if (!EndsWithNewline(path))
        {
            throw Damaged(path, "its last line is cut off (no newline at its end)");
        }

        if (File.ReadLines(path).Skip(1).All(l => l.Length == 0))
        {
            return (0, null);
        }

        var bars = CsvBarLoader.Load(path, new BarLoadOptions { Symbol = "DOWNLOAD" });
        var last = bars.Bars[^1].Time;
        return (bars.Count, new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)).ToUnixTimeMilliseconds());
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length == 0)
        {
            return false;
        }

        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    private static TradeguardException Damaged(string path, string problem) =>
        new(ExitCode.IntegrityFailure, $"{path} is damaged: {problem}. It is left as it is; move it away (or delete it) and download again");

    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
