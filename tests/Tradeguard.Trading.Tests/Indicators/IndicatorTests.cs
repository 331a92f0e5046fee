using Tradeguard.Trading.Indicators.Atr;
using Tradeguard.Trading.Indicators.Bollinger;
using Tradeguard.Trading.Indicators.CrossOver;
using Tradeguard.Trading.Indicators.Ema;
using Tradeguard.Trading.Indicators.Macd;
using Tradeguard.Trading.Indicators.Rsi;
using Tradeguard.Trading.Indicators.Sma;
using Tradeguard.Trading.Indicators.Stochastic;
using Tradeguard.Trading.Indicators.Wma;

namespace Tradeguard.Trading.Tests.Indicators;

/// <summary>
/// Indicator values on Stock.Indicators' default.csv against the values published in DaveSkender/Stock.Indicators'
/// own tests (tests/indicators: Test.Sma.cs, Test.Ema.cs, Test.Rsi.cs, Test.Atr.cs, Test.Macd.cs,
/// Test.BollingerBands.cs, Test.Wma.cs, Test.Stoch.cs); full-precision values to 1e-9, 4-decimal ones as published.
/// </summary>
public sealed class IndicatorTests
{
    private static double[] Closes => SampleData.Default.Bars.Select(b => (double)b.Close).ToArray();

    private static double[] Run(Func<double, double> add) => Closes.Select(add).ToArray();

    [Fact]
    public void Sma20_MatchesStockIndicators_OnDefaultCsv()
    {
        var sma = new Sma(20);
        var values = Run(sma.Add);
        Assert.True(double.IsNaN(values[18]));
        Assert.Equal(new DateTime(2017, 1, 31), SampleData.Default.Bars[19].Time);
        Assert.Equal(214.52499999999995, values[19], 1e-9);
        Assert.Equal(251.8600, Math.Round(values[501], 4));
    }

    [Fact]
    public void Ema20_SeededWithSma_MatchesStockIndicators_OnDefaultCsv()
    {
        var ema = new Ema(20);
        var values = Run(ema.Add);
        Assert.True(double.IsNaN(values[18]));
        Assert.Equal(214.52499999999995, values[19], 1e-9);
        Assert.Equal(249.35189668034732, values[501], 1e-9);
    }

    [Fact]
    public void Rsi14_WilderSmoothing_MatchesStockIndicators_OnDefaultCsv()
    {
        var rsi = new Rsi(14);
        var values = Run(rsi.Add);
        Assert.True(double.IsNaN(values[13]));
        Assert.Equal(62.054054054053964, values[14], 1e-9);
    }

    [Fact]
    public void Atr14_WilderSmoothing_MatchesStockIndicators_OnDefaultCsv()
    {
        var atr = new Atr(14);
        var values = SampleData.Default.Bars.Select(b => atr.Add((double)b.High, (double)b.Low, (double)b.Close)).ToArray();
        Assert.True(double.IsNaN(values[13]));
        Assert.False(double.IsNaN(values[14]));
        Assert.Equal(6.1497482878433045, values[501], 1e-9);
    }

    [Fact]
    public void Wma20_MatchesStockIndicators_OnDefaultCsv()
    {
        var wma = new Wma(20);
        var values = Run(wma.Add);
        Assert.Equal(483, values.Count(v => !double.IsNaN(v)));
        Assert.Equal(235.5253, Math.Round(values[149], 4));
        Assert.Equal(246.5110, Math.Round(values[501], 4));
    }

    [Fact]
    public void Macd12_26_9_MatchesStockIndicators_OnDefaultCsv()
    {
        var macd = new Macd();
        var values = Closes.Select(macd.Add).ToArray();
        Assert.Equal(477, values.Count(v => !double.IsNaN(v.Macd)));
        Assert.Equal(469, values.Count(v => !double.IsNaN(v.Signal)));
        Assert.Equal((1.7203, 1.9675, -0.2472), Round4(values[49]));
        Assert.Equal((2.2353, 2.3141, -0.0789), Round4(values[249]));
        Assert.Equal((-6.2198, -5.8569, -0.3629), Round4(values[501]));

        static (double, double, double) Round4(MacdValue v) => (Math.Round(v.Macd, 4), Math.Round(v.Signal, 4), Math.Round(v.Histogram, 4));
    }

    [Fact]
    public void Bollinger20_2_PopulationDeviation_MatchesStockIndicators_OnDefaultCsv()
    {
        var bands = new Bollinger(20, 2);
        var values = Closes.Select(bands.Add).ToArray();
        Assert.Equal(483, values.Count(v => !double.IsNaN(v.Middle)));
        Assert.Equal((255.5500, 259.5642, 251.5358), (Math.Round(values[249].Middle, 4), Math.Round(values[249].Upper, 4), Math.Round(values[249].Lower, 4)));
        Assert.Equal((251.8600, 273.7004, 230.0196), (Math.Round(values[501].Middle, 4), Math.Round(values[501].Upper, 4), Math.Round(values[501].Lower, 4)));
    }

    [Fact]
    public void Stochastic14_3_3_MatchesStockIndicators_OnDefaultCsv()
    {
        var stochastic = new Stochastic(14, 3, 3);
        var values = SampleData.Default.Bars.Select(b => stochastic.Add((double)b.High, (double)b.Low, (double)b.Close)).ToArray();
        Assert.Equal(487, values.Count(v => !double.IsNaN(v.K)));
        Assert.Equal(485, values.Count(v => !double.IsNaN(v.D)));
        Assert.Equal((43.1353, 35.5674), (Math.Round(values[501].K, 4), Math.Round(values[501].D, 4)));
    }

    [Fact]
    public void Stochastic_FastVariant_MatchesStockIndicators_OnDefaultCsv()
    {
        var stochastic = new Stochastic(5, 10, 1);
        var values = SampleData.Default.Bars.Select(b => stochastic.Add((double)b.High, (double)b.Low, (double)b.Close)).ToArray();
        Assert.Equal((91.6233, 36.0608), (Math.Round(values[501].K, 4), Math.Round(values[501].D, 4)));
        Assert.Equal((25.0353, 60.5706), (Math.Round(values[487].K, 4), Math.Round(values[487].D, 4)));
    }

    [Fact]
    public void CrossOver_SkipsBarsWhereTheLinesAreEqual()
    {
        var cross = new CrossOver();
        int[] results = [cross.Add(1, 2), cross.Add(2, 2), cross.Add(3, 2), cross.Add(3, 2), cross.Add(2, 2), cross.Add(1, 2), cross.Add(double.NaN, 2), cross.Add(3, 2)];
        Assert.Equal([0, 0, 1, 0, 0, -1, 0, 1], results);
    }

    [Fact]
    public void CrossOver_NeedsAPreviousSide_BeforeItReportsACross()
    {
        var cross = new CrossOver();
        Assert.Equal(0, cross.Add(2, 2));
        Assert.Equal(0, cross.Add(3, 2));
        Assert.Equal(-1, cross.Add(1, 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Periods_BelowOne_AreRefused(int period)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sma(period));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ema(period));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rsi(period));
    }
}
