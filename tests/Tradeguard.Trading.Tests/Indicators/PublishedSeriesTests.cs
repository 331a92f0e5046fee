using System.Text.Json;
using Tradeguard.Trading.Indicators.Adx;
using Tradeguard.Trading.Indicators.Cci;
using Tradeguard.Trading.Indicators.Extremes;
using Tradeguard.Trading.Indicators.Macd;
using Tradeguard.Trading.Indicators.ParabolicSar;
using Tradeguard.Trading.Indicators.RateOfChange;
using Tradeguard.Trading.Indicators.Smma;
using Tradeguard.Trading.Indicators.TrueRange;
using Tradeguard.Trading.Indicators.WilliamsR;

namespace Tradeguard.Trading.Tests.Indicators;

/// <summary>
/// Every value of Stock.Indicators' published result series on default.csv (Vectors/StockIndicators, copied unchanged
/// from DaveSkender/Stock.Indicators at d5c6660) against our streaming indicators, to 1e-9; a published null must be
/// our NaN (still warming up) and the reverse.
/// </summary>
public sealed class PublishedSeriesTests
{
    private const double Tolerance = 1e-9;

    private static IReadOnlyList<Tradeguard.Trading.Data.Bar> Bars => SampleData.Default.Bars;

    [Fact]
    public void TrueRange_MatchesEveryPublishedValue()
    {
        var indicator = new TrueRange();
        AssertSeries("tr", "tr", Bars.Select(b => indicator.Add((double)b.High, (double)b.Low, (double)b.Close)).ToList());
    }

    [Fact]
    public void Smma20_MatchesEveryPublishedValue()
    {
        var indicator = new Smma(20);
        AssertSeries("smma", "smma", Bars.Select(b => indicator.Add((double)b.Close)).ToList());
    }

    [Fact]
    public void RateOfChange14_MomentumAndPercent_MatchEveryPublishedValue()
    {
        var indicator = new RateOfChange(14);
        var values = Bars.Select(b => indicator.Add((double)b.Close)).ToList();
        AssertSeries("roc", "momentum", values.Select(v => v.Momentum).ToList());
        AssertSeries("roc", "roc", values.Select(v => v.Percent).ToList());
    }

    [Fact]
    public void Cci20_MatchesEveryPublishedValue()
    {
        var indicator = new Cci(20);
        AssertSeries("cci", "cci", Bars.Select(b => indicator.Add((double)b.High, (double)b.Low, (double)b.Close)).ToList());
    }

    [Fact]
    public void WilliamsR14_MatchesEveryPublishedValue()
    {
        var indicator = new WilliamsR(14);
        AssertSeries("willr", "williamsR", Bars.Select(b => indicator.Add((double)b.High, (double)b.Low, (double)b.Close)).ToList());
    }

    [Fact]
    public void HighestAndLowest_UpToThePreviousBar_AreThePublishedDonchianBands()
    {
        var highest = Extreme.Highest(20);
        var lowest = Extreme.Lowest(20);
        var upper = new List<double> { double.NaN };
        var lower = new List<double> { double.NaN };
        foreach (var bar in Bars.Take(Bars.Count - 1))
        {
            upper.Add(highest.Add((double)bar.High));
            lower.Add(lowest.Add((double)bar.Low));
        }

        AssertSeries("donchian", "upperBand", upper);
        AssertSeries("donchian", "lowerBand", lower);
    }

    [Fact]
    public void Adx14_DirectionalIndicatorsDxAndAdx_MatchEveryPublishedValue()
    {
        var indicator = new Adx(14);
        var values = Bars.Select(b => indicator.Add((double)b.High, (double)b.Low, (double)b.Close)).ToList();
        AssertSeries("adx", "pdi", values.Select(v => v.PlusDi).ToList());
        AssertSeries("adx", "mdi", values.Select(v => v.MinusDi).ToList());
        AssertSeries("adx", "dx", values.Select(v => v.Dx).ToList());
        AssertSeries("adx", "adx", values.Select(v => v.Adx).ToList());
    }

    [Fact]
    public void ParabolicSar_MatchesEveryPublishedValueAndReversal()
    {
        var indicator = new ParabolicSar(0.02, 0.2);
        var values = Bars.Select(b => indicator.Add((double)b.High, (double)b.Low)).ToList();
        AssertSeries("psar", "sar", values.Select(v => v.Sar).ToList());
        var published = Published("psar", "isReversal");
        for (var i = 0; i < values.Count; i++)
        {
            if (published[i].ValueKind != JsonValueKind.Null)
            {
                Assert.True(published[i].GetBoolean() == values[i].IsReversal, $"isReversal differs at bar {i}");
            }
        }
    }

    [Fact]
    public void Macd12_26_9_AllFiveLines_MatchEveryPublishedValue()
    {
        var indicator = new Macd();
        var values = Bars.Select(b => indicator.Add((double)b.Close)).ToList();
        AssertSeries("macd", "macd", values.Select(v => v.Macd).ToList());
        AssertSeries("macd", "signal", values.Select(v => v.Signal).ToList());
        AssertSeries("macd", "histogram", values.Select(v => v.Histogram).ToList());
        AssertSeries("macd", "fastEma", values.Select(v => v.FastEma).ToList());
        AssertSeries("macd", "slowEma", values.Select(v => v.SlowEma).ToList());
    }

    [Fact]
    public void ParabolicSar_RefusesAStepAboveTheMaximumFactor()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParabolicSar(0.3, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParabolicSar(0, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adx(1));
    }

    private static void AssertSeries(string file, string field, IReadOnlyList<double> actual)
    {
        var published = Published(file, field);
        Assert.Equal(published.Count, actual.Count);
        var compared = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            if (published[i].ValueKind == JsonValueKind.Null)
            {
                Assert.True(double.IsNaN(actual[i]), $"{file}.{field}: bar {i} should still be warming up, got {actual[i]}");
                continue;
            }

            var expected = published[i].GetDouble();
            Assert.True(Math.Abs(expected - actual[i]) <= Tolerance, $"{file}.{field}: bar {i} expected {expected:R}, got {actual[i]:R}");
            compared++;
        }

        Assert.True(compared > 400, $"{file}.{field}: only {compared} published values");
    }

    private static List<JsonElement> Published(string file, string field)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "StockIndicators", file + ".standard.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateArray().Select(row => row.GetProperty(field).Clone()).ToList();
    }
}
