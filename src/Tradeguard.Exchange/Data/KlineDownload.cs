using System.Globalization;
using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Models;

namespace Tradeguard.Exchange.Data;

/// <summary>What <see cref="KlineDownloader"/> fetches: one symbol's candles of one interval, by open time.</summary>
/// <param name="Exchange">The exchange's name (<c>binance</c>), recorded beside the file.</param>
/// <param name="Symbol">Trading pair, e.g. <c>BTCUSDT</c>.</param>
/// <param name="Interval">Candle interval.</param>
/// <param name="From">First open time wanted, Unix milliseconds (UTC), inclusive.</param>
/// <param name="To">Last open time wanted, Unix milliseconds (UTC), inclusive.</param>
/// <param name="OutputPath">The CSV file to write or continue.</param>
public sealed record KlineDownload(string Exchange, string Symbol, KlineInterval Interval, long From, long To, string OutputPath)
{
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>The file name used without <c>--output</c>: <c>SYMBOL-INTERVAL.csv</c> (e.g. <c>BTCUSDT-1h.csv</c>).</summary>
    public static string DefaultFileName(string symbol, KlineInterval interval) => $"{symbol}-{interval.Name}.csv";

    /// <summary>
    /// Reads a command line's range: each end a date (<c>yyyy-MM-dd</c>) or a UTC date and time
    /// (<c>yyyy-MM-ddTHH:mm[:ss][Z]</c>). A date <paramref name="from"/> starts at its midnight; a date
    /// <paramref name="to"/> takes in that whole day.
    /// </summary>
    /// <returns>First and last open time wanted, Unix milliseconds.</returns>
    /// <exception cref="TradeguardException">Exit 2: a value that is not a date, or from after to.</exception>
    public static (long From, long To) ParseRange(string from, string to)
    {
        var (start, _) = Parse("--from", from);
        var (end, endIsDate) = Parse("--to", to);
        var last = endIsDate ? end.AddDays(1).AddMilliseconds(-1) : end;
        if (start > last)
        {
            throw new TradeguardException(ExitCode.Usage, $"--from {from} is after --to {to}");
        }

        return (Ms(start), Ms(last));
    }

    private static (DateTime Time, bool IsDate) Parse(string option, string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), true);
        }

        return DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? (time, false)
            : throw new TradeguardException(ExitCode.Usage, $"{option} \"{text}\" is not a date: use yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss] (UTC)");
    }

    private static long Ms(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeMilliseconds();
}
