using System.Text;
using Tradeguard.Core.Errors;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Tests.Data;

public sealed class CsvBarLoaderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string text, string name = "bars.csv", bool bom = false)
    {
        var path = temp.Combine(name);
        File.WriteAllBytes(path, [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);
        return path;
    }

    private DataFileException Bad(string text)
    {
        var path = Write(text);
        var error = Assert.Throws<DataFileException>(() => CsvBarLoader.Load(path));
        Assert.Equal(ExitCode.IntegrityFailure, error.ExitCode);
        return error;
    }

    [Fact]
    public void YahooLayout_IsAdjustedLikeBacktrader_OnTheRealOrclFile()
    {
        var series = CsvBarLoader.Load(SampleData.Path("orcl-1995-2014.txt"));
        Assert.Equal(("ORCL", 5036), (series.Symbol, series.Count));

        // 1995-01-03,2.179012,2.191358,2.117284,2.117284,1.883304,36301200: factor = 2.117284 / 1.883304.
        Assert.Equal(new Bar(new DateTime(1995, 1, 3), 1.94m, 1.95m, 1.88m, 1.88m, 36301200m), series.Bars[0]);
    }

    [Fact]
    public void UnadjustedOption_KeepsThePricesAsWritten()
    {
        var series = CsvBarLoader.Load(SampleData.Path("orcl-1995-2014.txt"), new BarLoadOptions { UseAdjustedClose = false });
        Assert.Equal(new Bar(new DateTime(1995, 1, 3), 2.179012m, 2.191358m, 2.117284m, 2.117284m, 36301200m), series.Bars[0]);
    }

    [Fact]
    public void AdjCloseInAnyPosition_IsFoundByName()
    {
        var path = Write("Date,Open,High,Low,Close,Volume,Adj Close\n2000-01-03,124.62,125.19,111.62,118.12,98122000,27.85\n");
        var bar = CsvBarLoader.Load(path).Bars[0];

        // backtrader: factor = 118.12 / 27.85; 124.62 / factor = 29.3826… → 29.38; 125.19 → 29.517… → 29.52; 111.62 → 26.317… → 26.32.
        Assert.Equal(new Bar(new DateTime(2000, 1, 3), 29.38m, 29.52m, 26.32m, 27.85m, 98122000m), bar);
    }

    [Fact]
    public void AdjustedRounding_IsHalfEvenOnTheExactBinaryValue_AsPythonRounds()
    {
        // 2.675 is stored as 2.67499999…: Python's round(2.675, 2) == 2.67; 0.125 is exact: round(0.125, 2) == 0.12.
        var path = Write("Date,Open,High,Low,Close,Adj Close,Volume\n2000-01-03,2.675,2.675,0.125,1,1,10\n");
        var bar = CsvBarLoader.Load(path).Bars[0];
        Assert.Equal((2.67m, 2.67m, 0.12m, 1m), (bar.Open, bar.High, bar.Low, bar.Close));
    }

    [Fact]
    public void LowercaseLayoutWithBom_IsRead()
    {
        var path = Write("date,open,high,low,close,volume\n2017-01-03,212.61,213.35,211.52,212.8,96708880\n", bom: true);
        Assert.Equal(new Bar(new DateTime(2017, 1, 3), 212.61m, 213.35m, 211.52m, 212.8m, 96708880m), CsvBarLoader.Load(path).Bars[0]);
    }

    [Fact]
    public void BacktraderLayout_WithTimeColumn_CombinesDateAndTime()
    {
        var path = Write("Date,Time,Open,High,Low,Close,Volume,OpenInterest\n2006-01-02,09:05:00,3578.73,3587.88,3578.73,3582.99,0,0\n2006-01-02,09:10:00,3583.01,3588.40,3583.01,3588.03,0,0\n");
        var series = CsvBarLoader.Load(path);
        Assert.Equal([new DateTime(2006, 1, 2, 9, 5, 0), new DateTime(2006, 1, 2, 9, 10, 0)], series.Bars.Select(b => b.Time));
    }

    [Fact]
    public void UtcTimes_AsDataDownloadWritesThem_AreRead24x7()
    {
        var path = Write("Date,Open,High,Low,Close,Volume\n2024-01-06T23:00:00Z,42000.01,42100,41950.5,42050,12.345\n2024-01-07T00:00:00Z,42050,42060,42000,42001.99,3\n");
        Assert.Equal([new Bar(new DateTime(2024, 1, 6, 23, 0, 0), 42000.01m, 42100m, 41950.5m, 42050m, 12.345m), new Bar(new DateTime(2024, 1, 7), 42050m, 42060m, 42000m, 42001.99m, 3m)],
            CsvBarLoader.Load(path).Bars);
    }

    [Theory]
    [InlineData("2024-01-06T24:00:00Z")]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-01-06T00:00:60Z")]
    public void ImpossibleUtcTimes_AreRefused(string time)
    {
        var error = Bad($"Date,Open,High,Low,Close,Volume\n{time},1,2,1,1.5,100\n");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 2, column 1 (Date): \"{time}\" is not a date (expected yyyy-MM-dd)", error.Message);
    }

    [Fact]
    public void DateRange_KeepsWholeDaysAtBothEnds()
    {
        var series = CsvBarLoader.Load(SampleData.Path("orcl-1995-2014.txt"), new BarLoadOptions { From = new DateTime(2000, 1, 1), To = new DateTime(2000, 12, 31) });
        Assert.Equal((252, new DateTime(2000, 1, 3), new DateTime(2000, 12, 29)), (series.Count, series.Bars[0].Time, series.Bars[^1].Time));
    }

    [Fact]
    public void UnparsableNumber_NamesFileLineAndColumn()
    {
        var error = Bad("Date,Open,High,Low,Close,Volume\n2000-01-03,1,2,1,1.5,100\n2000-01-04,1,2x,1,1.5,100\n");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 3, column 3 (High): \"2x\" is not a number", error.Message);
        Assert.Equal((3, 3), (error.Line, error.Column!.Value));
    }

    [Fact]
    public void UnparsableDate_NamesFileLineAndColumn()
    {
        var error = Bad("Date,Open,High,Low,Close,Volume\n2000-02-30,1,2,1,1.5,100\n");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 2, column 1 (Date): \"2000-02-30\" is not a date (expected yyyy-MM-dd)", error.Message);
    }

    [Fact]
    public void MissingColumn_IsNamed()
    {
        var error = Bad("Date,Open,High,Low,Volume\n2000-01-03,1,2,1,100\n");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 1: missing column \"Close\" (the header must name Date, Open, High, Low, Close and Volume)", error.Message);
    }

    [Fact]
    public void DatesNotStrictlyIncreasing_AreRefused()
    {
        var error = Bad("Date,Open,High,Low,Close,Volume\n2000-01-04,1,2,1,1.5,100\n2000-01-04,1,2,1,1.5,100\n");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 3, column 1 (Date): 2000-01-04 00:00:00 is not after the previous bar's 2000-01-04 00:00:00; dates must strictly increase", error.Message);
    }

    [Fact]
    public void HighBelowLow_IsRefused()
    {
        var error = Bad("Date,Open,High,Low,Close,Volume\n2000-01-03,1,1,2,1.5,100\n");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 2, column 3 (High): High 1 is below Low 2", error.Message);
    }

    [Fact]
    public void OpenOutsideTheRange_IsRefused()
    {
        var error = Bad("Date,Open,High,Low,Close,Volume\n2000-01-03,2.5,2,1,1.5,100\n");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 2, column 2 (Open): Open 2.5 is outside the bar's range [1, 2]", error.Message);
    }

    [Fact]
    public void CloseOutsideTheRange_IsRefused()
    {
        var error = Bad("Date,Open,High,Low,Close,Volume\n2000-01-03,1.5,2,1,0.5,100\n");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 2, column 5 (Close): Close 0.5 is outside the bar's range [1, 2]", error.Message);
    }

    [Fact]
    public void NegativeVolume_IsRefused()
    {
        var error = Bad("Date,Open,High,Low,Close,Volume\n2000-01-03,1.5,2,1,1.5,-1\n");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 2, column 6 (Volume): Volume -1 is negative", error.Message);
    }

    [Fact]
    public void EmptyFile_IsRefused()
    {
        var error = Bad("");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 1: the file is empty; expected a header such as Date,Open,High,Low,Close,Volume", error.Message);
    }

    [Fact]
    public void HeaderWithoutBars_IsRefused()
    {
        var error = Bad("Date,Open,High,Low,Close,Volume\n");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 2: the file has a header but no bars", error.Message);
    }

    [Fact]
    public void ShortRow_IsRefused()
    {
        var error = Bad("Date,Open,High,Low,Close,Volume\n2000-01-03,1.5,2,1\n");
        Assert.Equal($"{temp.Combine("bars.csv")}: line 2: 4 fields where the header has 6", error.Message);
    }

    [Fact]
    public void MissingFile_IsAConfigurationError()
    {
        var path = temp.Combine("absent.csv");
        var error = Assert.Throws<TradeguardException>(() => CsvBarLoader.Load(path));
        Assert.Equal((ExitCode.Configuration, $"{path}: cannot read the data file: no such file: check the path and its permissions"), (error.ExitCode, error.Message));
    }

    [Fact]
    public void StreamThatCannotSeek_YieldsTheSameBars_AsTheFile()
    {
        // The file path sizes the series from the line count; an unseekable stream grows it from 1 024 bars.
        var path = SampleData.Path("orcl-1995-2014.txt");
        var fromFile = CsvBarLoader.Load(path);
        using var stream = new UnseekableStream(File.ReadAllBytes(path));

        var fromStream = CsvBarLoader.Load(stream, "orcl", new BarLoadOptions { Symbol = "ORCL" });

        Assert.Equal(5036, fromStream.Count);
        Assert.Equal(fromFile.Bars, fromStream.Bars);
    }

    [Fact]
    public void DateFilter_KeepsOnlyTheBarsInRange_FromAFileSizedBuffer()
    {
        var bars = CsvBarLoader.Load(SampleData.Path("orcl-1995-2014.txt"), new BarLoadOptions { From = new DateTime(2000, 1, 1), To = new DateTime(2000, 12, 31) });

        Assert.Equal((252, new DateTime(2000, 1, 3), new DateTime(2000, 12, 29)), (bars.Count, bars.Bars[0].Time, bars.Bars[^1].Time));
        Assert.Equal(252, bars.Span.Length);
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
