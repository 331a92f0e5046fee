using System.Globalization;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Strategies;
using Tradeguard.Trading.Strategies.PriceSmaCross;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>
/// Portfolio runs: several symbols, one cash account, bars merged by time. The one-symbol and idle-symbol cases are
/// checked against the single-symbol engine; the two-symbol ORCL + YHOO run against backtrader with two datas and one
/// broker; the cash and alignment cases are worked out by hand on hand-made bars.
/// </summary>
public sealed class PortfolioEngineTests
{
    private static BarSeries Load(string file, int fromYear, int toYear) => CsvBarLoader.Load(SampleData.Path(file),
        new BarLoadOptions { From = new DateTime(fromYear, 1, 1), To = new DateTime(toYear, 12, 31) });

    [Fact]
    public void OneSymbol_GivesTheSingleSymbolRun_BitForBit()
    {
        // Twenty years, 0.1 % commission and a sizer of 50 % of equity: every stake reads the portfolio's equity.
        var orcl = Load("orcl-1995-2014.txt", 1995, 2014);
        var options = new EngineOptions
        {
            InitialCash = 10_000m, Commission = new CommissionModel.PercentOfNotional(0.001m), Sizer = new Sizer.PercentOfEquity(0.5m),
        };
        var single = new TradingEngine(new PriceSmaCrossStrategy(15), options).Run(orcl);
        var portfolio = new PortfolioEngine(options).Run([new SymbolFeed(orcl, new PriceSmaCrossStrategy(15))]).Total;

        Assert.Equal(Text(single.FinalValue), Text(portfolio.FinalValue));
        Assert.Equal(Text(single.FinalCash), Text(portfolio.FinalCash));
        Assert.Equal((single.FinalPosition, single.TotalCommission), (portfolio.FinalPosition, portfolio.TotalCommission));
        Assert.True(single.Trades.Count > 100);
        Assert.Equal(single.Trades, portfolio.Trades);
        Assert.Equal(single.EquityCurve.Select(Text), portfolio.EquityCurve.Select(Text));
    }

    [Fact]
    public void AnIdleSecondSymbol_AddsItsCashAndNothingElse()
    {
        // backtrader's quickstart on ORCL 2000 with 1000 ends at 975.60; 5000 more cash that YHOO never touches rides along.
        var orcl = Load("orcl-1995-2014.txt", 2000, 2000);
        var yhoo = Load("yhoo-1996-2014.txt", 2000, 2000);
        var options = new EngineOptions { InitialCash = 1000m, Sizer = new Sizer.Fixed(10) };
        var single = new TradingEngine(new PriceSmaCrossStrategy(15), options).Run(orcl);
        var result = new PortfolioEngine(options with { InitialCash = 6000m })
            .Run([new SymbolFeed(orcl, new PriceSmaCrossStrategy(15)), new SymbolFeed(yhoo, new ScriptedStrategy((_, _) => { }))]);

        Assert.Equal((975.60m, 5975.60m), (Math.Round(single.FinalValue, 2), result.Total.FinalValue));
        Assert.Equal(single.FinalValue + 5000m, result.Total.FinalValue);
        Assert.Equal(single.Trades, result.Total.Trades);
        Assert.Equal(single.EquityCurve.Select(p => (p.Time, p.Equity + 5000m, p.Position)), result.Total.EquityCurve.Select(p => (p.Time, p.Equity, p.Position)));
        Assert.Equal(("YHOO", 0, 0m, 0m), (result.Symbols[1].Symbol, result.Symbols[1].Trades.Count, result.Symbols[1].NetPnl, result.Symbols[1].FinalPosition));
    }

    [Fact]
    public void OrclAndYhoo2000_OneBroker_MatchBacktrader()
    {
        // Vectors/Backtrader/generate_portfolio.py (backtrader b853d7c9, two datas in one cerebro, one broker): cash
        // 10 000, price-vs-SMA(15) on each, stake 10, no commission → value 9562.60, cash 9304.10, ORCL 10 held,
        // 21 ORCL trades and 14 YHOO trades with these net P&Ls.
        decimal[] orclPnl = [-23.4m, 16.7m, 88.9m, -25.6m, -21.4m, -20.0m, -7.2m, -25.0m, 33.6m, -1.4m, -7.5m, -19.2m, -1.4m, 1.4m, -9.7m, 34.5m, -7.1m, -31.1m, 4.4m, 27.2m, -19.4m];
        decimal[] yhooPnl = [-79.3m, -78.5m, 16.9m, -72.2m, -2.5m, -31.9m, -38.7m, -8.2m, 3.1m, -4.5m, -32.5m, -63.2m, -21.7m, 0.2m];
        var options = new EngineOptions { InitialCash = 10_000m, Sizer = new Sizer.Fixed(10) };
        var result = new PortfolioEngine(options).Run([
            new SymbolFeed(Load("orcl-1995-2014.txt", 2000, 2000), new PriceSmaCrossStrategy(15)),
            new SymbolFeed(Load("yhoo-1996-2014.txt", 2000, 2000), new PriceSmaCrossStrategy(15))]);

        Assert.Equal((9562.60m, 9304.10m, 10m), (result.Total.FinalValue, result.Total.FinalCash, result.Total.FinalPosition));
        Assert.Equal((10m, 0m), (result.Symbols[0].FinalPosition, result.Symbols[1].FinalPosition));
        Assert.Equal(orclPnl, result.Symbols[0].Trades.Select(t => t.NetPnl));
        Assert.Equal(yhooPnl, result.Symbols[1].Trades.Select(t => t.NetPnl));
        Assert.Equal(result.Total.FinalValue - 10_000m, result.Symbols.Sum(s => s.NetPnl));
    }

    [Fact]
    public void CashTheFirstSymbolSpent_IsGoneForTheSecond()
    {
        // Cash 1000. Both buy 8 at market on day 1 (800 each fits the 1000 there when placed); on day 2 at the open of
        // 100 A fills first (config order): 800 paid, 200 left, so B's fill needing 800 is rejected. On day 2 B tries
        // 3 at its close of 100 (300 > 200): rejected when placed. Day 3 closes A at 110: 200 + 8 × 110 = 1080.
        var a = TestBars.Daily((100, 101, 99, 100), (100, 101, 99, 100), (110, 111, 109, 110));
        var b = TestBars.Daily((100, 101, 99, 100), (100, 101, 99, 100), (100, 101, 99, 100));
        var placed = new List<Order>();
        var result = new PortfolioEngine(new EngineOptions { InitialCash = 1000m }).Run([
            new SymbolFeed(Renamed(a, "A"), new ScriptedStrategy((c, bar) => { if (bar == 0) { c.Buy(8); } })),
            new SymbolFeed(Renamed(b, "B"), new ScriptedStrategy((c, bar) => { if (bar <= 1) { placed.Add(c.Buy(bar == 0 ? 8 : 3)); } }))]);

        Assert.Equal((8m, 0m), (result.Symbols[0].FinalPosition, result.Symbols[1].FinalPosition));
        Assert.Equal((OrderStatus.Rejected, "not enough cash at the fill: needs 800, has 200"), (placed[0].Status, placed[0].Reason));
        Assert.Equal((OrderStatus.Rejected, "not enough cash: the order needs 300, 200 is available"), (placed[1].Status, placed[1].Reason));
        Assert.Equal((200m, 1080m), (result.Total.FinalCash, result.Total.FinalValue));
        Assert.Equal((80m, 0m), (result.Symbols[0].NetPnl, result.Symbols[1].NetPnl));
    }

    [Fact]
    public void BarsAreMergedByTime_AndASymbolWithoutABarKeepsItsLastClose()
    {
        // A has bars on days 1, 2, 3, 5; B (shorter, gaps) on 2, 4, 5, 6. Each time steps the symbols that have a bar
        // there, A before B, and each strategy sees the other's latest bar of that time (fills first, then strategies).
        var day = new DateTime(2024, 1, 1);
        var a = Series("A", day, (0, 10m), (1, 11m), (2, 12m), (4, 14m));
        var b = Series("B", day, (1, 100m), (3, 103m), (4, 104m), (5, 105m));
        var seen = new List<string>();
        void Record(StrategyContext c, int bar)
        {
            var other = c.Portfolio.Symbols.Single(s => s.Symbol != c.Symbol).LastBar;
            seen.Add(string.Create(CultureInfo.InvariantCulture, $"{c.Symbol}{bar} other@{(other is { } o ? (o.Time - day).Days + 1 : 0)}"));
            if (c.Symbol == "A" && bar == 0)
            {
                c.Buy(1);
            }
        }

        var result = new PortfolioEngine(new EngineOptions { InitialCash = 1000m })
            .Run([new SymbolFeed(a, new ScriptedStrategy(Record)), new SymbolFeed(b, new ScriptedStrategy(Record))]);

        Assert.Equal(["A0 other@0", "A1 other@2", "B0 other@2", "A2 other@2", "B1 other@3", "A3 other@5", "B2 other@5", "B3 other@5"], seen);
        // A buys 1 at day 2's open of 11 (cash 989) and holds it, marked at its latest close: day 4 has no A bar, so
        // 12 (day 3) still counts; day 6 counts day 5's 14.
        Assert.Equal(
            [(day, 1000m, 0m), (day.AddDays(1), 1000m, 1m), (day.AddDays(2), 1001m, 1m), (day.AddDays(3), 1001m, 1m), (day.AddDays(4), 1003m, 1m), (day.AddDays(5), 1003m, 1m)],
            result.Total.EquityCurve.Select(p => (p.Time, p.Equity, p.Position)));
        Assert.Equal((4, 4), (result.Symbols[0].Bars, result.Symbols[1].Bars));
    }

    [Fact]
    public void ASymbolListedTwice_IsRefused()
    {
        var a = TestBars.Daily((100, 101, 99, 100));
        var error = Assert.Throws<ArgumentException>(() => new PortfolioEngine(new EngineOptions())
            .Run([new SymbolFeed(a, new ScriptedStrategy((_, _) => { })), new SymbolFeed(a, new ScriptedStrategy((_, _) => { }))]));
        Assert.StartsWith("a symbol is listed twice", error.Message, StringComparison.Ordinal);
    }

    private static BarSeries Renamed(BarSeries series, string symbol) => new(symbol, series.Bars);

    private static BarSeries Series(string symbol, DateTime start, params (int Day, decimal Close)[] bars) =>
        new(symbol, bars.Select(b => new Bar(start.AddDays(b.Day), b.Close, b.Close, b.Close, b.Close, 1000)));

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(EquityPoint point) => string.Create(CultureInfo.InvariantCulture, $"{point.Time:O} {point.Equity} {point.Position}");
}
