using System.Globalization;
using System.Numerics;
using System.Text;
using CsvHelper;
using Tradeguard.Core.Storage;

namespace Tradeguard.Trading.Data;

/// <summary>
/// Loads OHLCV bars from CSV, finding the columns by header name (case-insensitive, any order): the Yahoo layout
/// <c>Date,Open,High,Low,Close,Adj Close,Volume</c>, backtrader's <c>Date[,Time],Open,High,Low,Close,Volume,OpenInterest</c>
/// and Stock.Indicators' lowercase <c>date,open,high,low,close,volume</c>; a UTF-8 byte order mark is skipped.
/// </summary>
/// <remarks>
/// Every row is checked (number and date syntax, strictly increasing dates, Low ≤ Open, Close ≤ High, volume ≥ 0)
/// before anything is returned, so a bad file never yields half a series. Dates are ISO 8601 (<c>yyyy-MM-dd</c>,
/// optionally with <c>HH:mm[:ss]</c> after a space or 'T', and a 'Z' after the seconds for UTC as <c>data download</c>
/// writes them) or a separate <c>Time</c> column. Times are kept as written, without a time zone.
/// </remarks>
public static class CsvBarLoader
{
    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss'Z'", "yyyyMMdd"];
    private static readonly string[] TimeFormats = ["HH:mm:ss", "HH:mm"];

    /// <summary>The largest data file accepted: 1 GiB (the bundled 20 years of daily ORCL bars take 300 KiB).</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>
    /// The largest price accepted, before and after adjustment: 10^12, so that a price times any size a run config
    /// allows stays inside <see cref="decimal"/>.
    /// </summary>
    public const double MaxPrice = 1e12;

    /// <summary>Loads the file at <paramref name="path"/>.</summary>
    /// <exception cref="DataFileException">The file is empty, lacks a column, or a row is malformed (exit code 4).</exception>
    /// <exception cref="Tradeguard.Core.Errors.TradeguardException">The file cannot be opened, is not a regular file or
    /// is larger than <see cref="MaxFileBytes"/> (exit code 5).</exception>
    public static BarSeries Load(string path, BarLoadOptions? options = null)
    {
        options ??= new BarLoadOptions();
        using (var stream = InputFile.OpenRead(path, "data file", MaxFileBytes))
        {
            return Load(stream, path, options with { Symbol = options.Symbol ?? SymbolFromFileName(path) });
        }
    }

    /// <summary>Loads bars from <paramref name="stream"/>; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="DataFileException">The input is empty, lacks a column, or a row is malformed (exit code 4).</exception>
    public static BarSeries Load(Stream stream, string sourceName, BarLoadOptions options)
    {
        // One array sized to the file's line count holds the series: it is never regrown and, unless a date filter
        // left most of it empty, never copied.
        var bars = new Bar[stream.CanSeek ? LineCount(stream) : 1024];
        var count = 0;
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { TrackLineNumbers = true, SkipEmptyLines = true }, leaveOpen: true);
        var columns = ColumnMap.From(csv.Headers, sourceName);
        var adjust = options.UseAdjustedClose && columns.AdjClose >= 0;
        var previous = DateTime.MinValue;
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (csv.FieldCount < columns.Required)
            {
                throw DataFileException.Malformed(sourceName, line, $"{csv.FieldCount} fields where the header has {columns.Required}");
            }

            var row = new RowReader(csv, sourceName, line, columns);
            var time = row.Time();
            if (time <= previous)
            {
                throw DataFileException.At(sourceName, line, columns.Date + 1, columns.Name(columns.Date),
                    $"{time:yyyy-MM-dd HH:mm:ss} is not after the previous bar's {previous:yyyy-MM-dd HH:mm:ss}; dates must strictly increase");
            }

            previous = time;
            var bar = adjust ? row.AdjustedBar(time, options.AdjustedDecimals) : row.Bar(time);
            if (InRange(time, options))
            {
                if (count == bars.Length)
                {
                    Array.Resize(ref bars, Math.Max(16, bars.Length * 2));
                }

                bars[count++] = bar;
            }
        }

        if (csv.RowNumber == 0)
        {
            throw DataFileException.NoBars(sourceName);
        }

        if (count < bars.Length - (bars.Length / 8))
        {
            Array.Resize(ref bars, count);
        }

        return BarSeries.Adopt(options.Symbol ?? "UNKNOWN", bars, count);
    }

    /// <summary>Lines from the stream's position to its end (an upper bound on its rows); the position is restored.</summary>
    private static int LineCount(Stream stream)
    {
        var start = stream.Position;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long lines = 1;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            return (int)Math.Min(lines, Array.MaxLength);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            stream.Position = start;
        }
    }

    private static bool InRange(DateTime time, BarLoadOptions options) =>
        (options.From is not { } from || time >= from) &&
        (options.To is not { } to || DateBound.IsOnOrBefore(time, to));

    private static string SymbolFromFileName(string path)
    {
        var name = Path.GetFileName(path);
        var end = name.IndexOfAny(['-', '.', '_']);
        return (end > 0 ? name[..end] : name).ToUpperInvariant();
    }

    /// <summary>Where each column sits; -1 for an optional column that is absent.</summary>
    private sealed class ColumnMap
    {
        private readonly string[] headers;

        private ColumnMap(string[] headers) => this.headers = headers;

        public int Date { get; private init; }
        public int Time { get; private init; } = -1;
        public int Open { get; private init; }
        public int High { get; private init; }
        public int Low { get; private init; }
        public int Close { get; private init; }
        public int AdjClose { get; private init; } = -1;
        public int Volume { get; private init; }
        public int Required { get; private init; }

        public string Name(int index) => headers[index];

        public static ColumnMap From(IReadOnlyList<string> headers, string source)
        {
            if (headers.Count == 0 || (headers.Count == 1 && string.IsNullOrWhiteSpace(headers[0])))
            {
                throw DataFileException.Empty(source);
            }

            var names = headers.Select(h => h.Trim()).ToArray();
            int Find(string name, bool required)
            {
                var index = Array.FindIndex(names, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
                return index >= 0 || !required ? index : throw DataFileException.MissingColumn(source, name);
            }

            int[] found = [Find("Date", true), Find("Time", false), Find("Open", true), Find("High", true), Find("Low", true),
                Find("Close", true), Find("Adj Close", false), Find("Volume", true)];
            return new ColumnMap(names)
            {
                Date = found[0], Time = found[1], Open = found[2], High = found[3], Low = found[4], Close = found[5],
                AdjClose = found[6], Volume = found[7], Required = found.Max() + 1,
            };
        }
    }

    /// <summary>Parses and checks the fields of the current row, naming the field at fault.</summary>
    private readonly ref struct RowReader(CsvReader csv, string source, int line, ColumnMap columns)
    {
        private readonly CsvReader csv = csv;

        public DateTime Time()
        {
            var date = ParseDate(columns.Date);
            return columns.Time < 0 ? date : date + ParseTimeOfDay(columns.Time);
        }

        public Bar Bar(DateTime time)
        {
            var open = Price(columns.Open);
            var high = Price(columns.High);
            var low = Price(columns.Low);
            var close = Price(columns.Close);
            var volume = Decimal(columns.Volume);
            CheckRange(open, high, low, close, volume);
            return new Bar(time, open, high, low, close, volume);
        }

        public Bar AdjustedBar(DateTime time, int decimals)
        {
            var open = Double(columns.Open);
            var high = Double(columns.High);
            var low = Double(columns.Low);
            var close = Double(columns.Close);
            var adjClose = Double(columns.AdjClose);
            CheckPrice(columns.AdjClose, adjClose);
            var volume = Decimal(columns.Volume);
            CheckRange(open, high, low, close, volume);
            if (adjClose <= 0 || close <= 0)
            {
                throw Fail(adjClose <= 0 ? columns.AdjClose : columns.Close, "must be above zero to compute the adjustment factor");
            }

            // backtrader's YahooFinanceCSVData: factor = Close / AdjClose, O/H/L divided by it, Close = AdjClose.
            var factor = close / adjClose;
            CheckPrice(columns.AdjClose, high / factor, "the adjusted High (High × Adj Close / Close)");
            return new Bar(time,
                PriceRounding.HalfEven(open / factor, decimals),
                PriceRounding.HalfEven(high / factor, decimals),
                PriceRounding.HalfEven(low / factor, decimals),
                PriceRounding.HalfEven(adjClose, decimals),
                volume);
        }

        private void CheckRange<T>(T open, T high, T low, T close, decimal volume)
            where T : INumber<T>
        {
            if (high < low)
            {
                throw Fail(columns.High, $"High {Show(high)} is below Low {Show(low)}");
            }

            if (open < low || open > high)
            {
                throw Fail(columns.Open, $"Open {Show(open)} is outside the bar's range [{Show(low)}, {Show(high)}]");
            }

            if (close < low || close > high)
            {
                throw Fail(columns.Close, $"Close {Show(close)} is outside the bar's range [{Show(low)}, {Show(high)}]");
            }

            if (volume < 0)
            {
                throw Fail(columns.Volume, $"Volume {Show(volume)} is negative");
            }
        }

        private static string Show<T>(T value)
            where T : INumber<T> => value.ToString(null, CultureInfo.InvariantCulture);

        /// <summary>A price: a number from the file no larger than <see cref="MaxPrice"/>.</summary>
        private decimal Price(int column)
        {
            var value = Decimal(column);
            CheckPrice(column, (double)value);
            return value;
        }

        private void CheckPrice(int column, double value, string what = "the price")
        {
            if (!(Math.Abs(value) <= MaxPrice))
            {
                throw Fail(column, $"{what} is out of range: prices are at most 10^12");
            }
        }

        private decimal Decimal(int column)
        {
            var span = csv.GetSpan(column);
            return decimal.TryParse(span, NumberStyle, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Fail(column, $"\"{Text(span)}\" is not a number");
        }

        private double Double(int column)
        {
            var span = csv.GetSpan(column);
            return double.TryParse(span, NumberStyle, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw Fail(column, $"\"{Text(span)}\" is not a number");
        }

        private DateTime ParseDate(int column)
        {
            var span = csv.GetSpan(column);
            if (span.Length == 10 && span[4] == '-' && span[7] == '-' &&
                TryDigits(span[..4], out var year) && TryDigits(span.Slice(5, 2), out var month) && TryDigits(span.Slice(8, 2), out var day) &&
                year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
            }

            // yyyy-MM-ddTHH:mm:ssZ, the layout of downloaded intraday bars, without the general parser's cost per row.
            if (span.Length == 20 && span[10] == 'T' && span[13] == ':' && span[16] == ':' && span[19] == 'Z' &&
                TryDigits(span[..4], out year) && TryDigits(span.Slice(5, 2), out month) && TryDigits(span.Slice(8, 2), out day) &&
                TryDigits(span.Slice(11, 2), out var hour) && TryDigits(span.Slice(14, 2), out var minute) && TryDigits(span.Slice(17, 2), out var second) &&
                span[4] == '-' && span[7] == '-' && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) &&
                hour < 24 && minute < 60 && second < 60)
            {
                return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
            }

            var text = Text(span);
            return DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw Fail(column, $"\"{text}\" is not a date (expected yyyy-MM-dd)");
        }

        private TimeSpan ParseTimeOfDay(int column)
        {
            var text = Text(csv.GetSpan(column));
            return DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed.TimeOfDay
                : throw Fail(column, $"\"{text}\" is not a time of day (expected HH:mm:ss)");
        }

        private DataFileException Fail(int column, string problem) =>
            DataFileException.At(source, line, column + 1, columns.Name(column), problem);

        private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
        {
            value = 0;
            foreach (var b in digits)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    return false;
                }

                value = (value * 10) + (b - '0');
            }

            return true;
        }

        private static string Text(ReadOnlySpan<byte> span)
        {
            var text = Encoding.UTF8.GetString(span.Length > 40 ? span[..40] : span);
            return span.Length > 40 ? text + "…" : text;
        }
    }
}
