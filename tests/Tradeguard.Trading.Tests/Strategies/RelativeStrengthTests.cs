using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Strategies.RelativeStrength;

namespace Tradeguard.Trading.Tests.Strategies;

/// <summary>
/// The cross-symbol strategy, which reads the other symbols through <c>StrategyContext.Portfolio</c>: its trades on
/// ORCL and YHOO 2000 against the rule worked out directly from the two price files, and a hand-made switch.
/// </summary>
public sealed class RelativeStrengthTests
{
    private static BarSeries Load(string file) => CsvBarLoader.Load(SampleData.Path(file),
        new BarLoadOptions { From = new DateTime(2000, 1, 1), To = new DateTime(2000, 12, 31) });

    [Fact]
    public void OrclAndYhoo2000_HoldOnlyTheStronger_AsTheRuleOnThePricesSays()
    {
        const int lookback = 20;
        var series = new[] { Load("orcl-1995-2014.txt"), Load("yhoo-1996-2014.txt") };
        var options = new EngineOptions { InitialCash = 10_000m, Sizer = new Sizer.Fixed(10) };
        var result = new PortfolioEngine(options).Run(series.Select(s => new SymbolFeed(s, new RelativeStrengthStrategy(lookback))).ToArray());

        // The rule on the bars alone (both files have the same 252 days): on day d ≥ lookback the stronger of
        // close[d] / close[d − lookback] (ORCL on a tie) is bought at day d + 1's open if not held, the other sold.
        var bars = series.Select(s => s.Bars).ToArray();
        var held = new decimal[2];
        var cash = 10_000m;
        var expected = new List<(string Symbol, DateTime Entry, DateTime Exit)>();
        var entries = new DateTime[2];
        for (var d = lookback; d + 1 < bars[0].Count; d++)
        {
            var stronger = bars[1][d].Close / bars[1][d - lookback].Close > bars[0][d].Close / bars[0][d - lookback].Close ? 1 : 0;
            for (var s = 0; s < 2; s++)
            {
                var fill = bars[s][d + 1];
                if (s == stronger && held[s] == 0)
                {
                    (held[s], cash, entries[s]) = (10, cash - (10 * fill.Open), fill.Time);
                }
                else if (s != stronger && held[s] > 0)
                {
                    (held[s], cash) = (0, cash + (10 * fill.Open));
                    expected.Add((series[s].Symbol, entries[s], fill.Time));
                }
            }
        }

        var value = cash + (held[0] * bars[0][^1].Close) + (held[1] * bars[1][^1].Close);
        Assert.True(expected.Count > 5);
        Assert.Equal(expected.OrderBy(t => t.Exit), result.Total.Trades.Select(t => (t.Symbol, t.EntryTime, t.ExitTime)));
        Assert.Equal((value, held[0], held[1]), (result.Total.FinalValue, result.Symbols[0].FinalPosition, result.Symbols[1].FinalPosition));
        // One symbol held at a time: the sell of one and the buy of the other fill at the same open.
        Assert.All(result.Total.EquityCurve, p => Assert.True(p.Position <= 10));
    }

    [Fact]
    public void TheLeadChanges_SoDoesTheHolding()
    {
        // Lookback 1, bars 0 to 3. Bar 1: A rose 10 %, B 5 % → A is bought at bar 2's open (11). Bar 2: A 0 %, B 10 %
        // → A is sold and B bought at bar 3's opens (11 and 12.1). A's trade nets 0; cash 879 plus B's 10 × 12.1.
        var day = new DateTime(2024, 1, 1);
        BarSeries Series(string symbol, params decimal[] closes) =>
            new(symbol, closes.Select((c, i) => new Bar(day.AddDays(i), c, c, c, c, 1)));
        var result = new PortfolioEngine(new EngineOptions { InitialCash = 1000m, Sizer = new Sizer.Fixed(10) }).Run([
            new SymbolFeed(Series("A", 10m, 11m, 11m, 11m), new RelativeStrengthStrategy(1)),
            new SymbolFeed(Series("B", 10m, 10.5m, 11.55m, 12.1m), new RelativeStrengthStrategy(1))]);

        Assert.Equal([("A", day.AddDays(2), day.AddDays(3), 0m)], result.Total.Trades.Select(t => (t.Symbol, t.EntryTime, t.ExitTime, t.NetPnl)));
        Assert.Equal((0m, 10m, 1000m - 121m + 121m), (result.Symbols[0].FinalPosition, result.Symbols[1].FinalPosition, result.Total.FinalValue));
    }

    [Fact]
    public void ItsName_ShowsTheLookback() => Assert.Equal("relative-strength(lookback=20)", new RelativeStrengthStrategy(20).Name);
}
