using System.Globalization;
using System.Text.Json;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Strategies;
using Tradeguard.Trading.Strategies.DualMaCross;
using Tradeguard.Trading.Strategies.PriceSmaCross;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>
/// Short selling against backtrader: the same strategies, directions, costs and data run in backtrader b853d7c9 by
/// Vectors/Backtrader/generate_shorts.py, whose output is Vectors/Backtrader/shorts.json (final value, cash, position
/// and every closed trade: dates, signed size, entry price, gross and net P&amp;L, commission, bars held). Money is
/// compared to the cent, as backtrader's floats carry binary noise below it.
/// </summary>
public sealed class BacktraderShortsTests
{
    private static readonly ContractTerms Futures = new(Multiplier: 10m, MarginPerContract: 1000m);

    [Fact]
    public void PriceSmaCross_ShortOnly_Orcl2000_Stake10_MatchesBacktrader() =>
        AssertMatches("orcl2000-price-sma-cross-short",
            new PriceSmaCrossStrategy(15, new SignalOrders(TradeDirection.Short)),
            Orcl(new DateTime(2000, 1, 1), new DateTime(2000, 12, 31)),
            new EngineOptions { InitialCash = 1000m, Sizer = new Sizer.Fixed(10), ShortSelling = true });

    [Fact]
    public void DualMaCross_Both_ReversesInOneOrder_Orcl1995To2014_Commission0_1Percent_MatchesBacktrader() =>
        AssertMatches("orcl-dual-ma-cross-both-commission",
            new DualMaCrossStrategy(10, 30, exponential: false, new SignalOrders(TradeDirection.Both)),
            Orcl(new DateTime(1995, 1, 1), new DateTime(2014, 12, 31)),
            new EngineOptions { Sizer = new Sizer.Fixed(10), Commission = new CommissionModel.PercentOfNotional(0.001m), ShortSelling = true });

    [Fact]
    public void DualMaCross_Both_Futures_Day2006_MatchesBacktrader() =>
        AssertMatches("day2006-dual-ma-cross-both-futures",
            new DualMaCrossStrategy(1, 15, exponential: false, new SignalOrders(TradeDirection.Both)),
            CsvBarLoader.Load(SampleData.Path("2006-day-001.txt")),
            new EngineOptions { Commission = new CommissionModel.PerUnit(2m), Contract = Futures, ShortSelling = true });

    [Fact]
    public void PriceSmaCross_ShortOnly_Futures_Day2006_Stake2_MatchesBacktrader() =>
        AssertMatches("day2006-price-sma-cross-short-futures",
            new PriceSmaCrossStrategy(15, new SignalOrders(TradeDirection.Short)),
            CsvBarLoader.Load(SampleData.Path("2006-day-001.txt")),
            new EngineOptions { Sizer = new Sizer.Fixed(2), Commission = new CommissionModel.PerUnit(2m), Contract = Futures, ShortSelling = true });

    private static BarSeries Orcl(DateTime from, DateTime to) => BacktraderVectors.Orcl(from, to);

    private static void AssertMatches(string scenario, Strategy strategy, BarSeries bars, EngineOptions options) =>
        BacktraderVectors.AssertTradesAndEnd(BacktraderVectors.Scenario("shorts.json", scenario), new TradingEngine(strategy, options).Run(bars));
}
