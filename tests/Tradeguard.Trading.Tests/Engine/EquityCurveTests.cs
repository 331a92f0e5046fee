using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Strategies;
using Tradeguard.Trading.Strategies.LowerCloses;

namespace Tradeguard.Trading.Tests.Engine;

public sealed class EquityCurveTests
{
    [Fact]
    public void EachPoint_IsThePortfolioAtThatBarsClose_AsTheStrategySawIt()
    {
        // ORCL 2000 with 0.1 % commission: 40-odd round trips, so the curve spans many fills and flat stretches.
        var bars = CsvBarLoader.Load(SampleData.Path("orcl-1995-2014.txt"),
            new BarLoadOptions { From = new DateTime(2000, 1, 1), To = new DateTime(2000, 12, 31) });
        var options = new EngineOptions { InitialCash = 100_000m, Commission = new CommissionModel.PercentOfNotional(0.001m) };
        var recorder = new RecordingStrategy(new LowerClosesStrategy(declines: 2, hold: 5));

        var curve = new TradingEngine(recorder, options).Run(bars).EquityCurve;

        Assert.Equal(bars.Count, curve.Count);
        Assert.Equal(recorder.Seen, curve);
        Assert.Equal(recorder.Seen, Enumerable.Range(0, curve.Count).Select(i => curve[i]));
        Assert.True(recorder.Seen.Count(p => p.Position != 0) > 100);
        Assert.Equal(100016.06m, Math.Round(curve[^1].Equity, 2));
    }

    [Fact]
    public void ReadingPastTheLastBar_Throws()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9, 10));
        var curve = new TradingEngine(new RecordingStrategy(new LowerClosesStrategy(2, 5)), new EngineOptions()).Run(bars).EquityCurve;

        Assert.Equal(new EquityPoint(new DateTime(2024, 1, 2), 10_000m, 0), curve[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => curve[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => curve[-1]);
    }

    /// <summary>Records the portfolio as the strategy sees it on each bar, then lets the wrapped strategy trade.</summary>
    private sealed class RecordingStrategy(Strategy inner) : Strategy
    {
        public List<EquityPoint> Seen { get; } = [];

        public override string Name => inner.Name;

        public override void OnBar(StrategyContext context, in Bar bar)
        {
            Seen.Add(new EquityPoint(bar.Time, context.Equity, context.Position));
            inner.OnBar(context, bar);
        }

        public override void OnOrderUpdate(StrategyContext context, Order order) => inner.OnOrderUpdate(context, order);
    }
}
