using System.Globalization;
using System.Text.Json;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Strategies;
using Tradeguard.Trading.Strategies.DualMaCross;
using Tradeguard.Trading.Strategies.LowerCloses;
using Tradeguard.Trading.Strategies.PriceSmaCross;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>
/// Entry and exit orders of every type (<c>strategy.orders</c>) against backtrader: the same strategies, order types,
/// offsets and validities run in backtrader b853d7c9 by Vectors/Backtrader/generate_orders.py, whose output is
/// Vectors/Backtrader/orders.json (final value, cash, position, every fill and every closed trade). Fill dates, sides,
/// sizes and prices must be equal; money is compared to the cent, as backtrader's floats carry binary noise below it.
/// </summary>
public sealed class BacktraderOrderTypeTests
{
    private static readonly EngineOptions Quickstart = new() { InitialCash = 1000m, Sizer = new Sizer.Fixed(10) };

    [Fact]
    public void LimitEntry_1PercentBelowTheClose_Valid3Days_Orcl2000_MatchesBacktrader() =>
        AssertMatches("limit-entry-3-days", Sma15(new SignalOrders(Entry: new SignalOrder(OrderType.Limit, Offset: -0.01m, ValidDays: 3))), Orcl2000(), Quickstart);

    [Fact]
    public void StopEntry_1PercentAboveTheClose_Orcl2000_MatchesBacktrader() =>
        AssertMatches("stop-entry", Sma15(new SignalOrders(Entry: new SignalOrder(OrderType.Stop, Offset: 0.01m))), Orcl2000(), Quickstart);

    [Fact]
    public void StopLimitEntry_Valid2Bars_Orcl2000_MatchesBacktrader() =>
        AssertMatches("stop-limit-entry-2-bars",
            Sma15(new SignalOrders(Entry: new SignalOrder(OrderType.StopLimit, Offset: 0.005m, LimitOffset: 0.015m, ValidBars: 2))), Orcl2000(), Quickstart);

    [Fact]
    public void CloseEntryAndExit_Orcl2000_MatchesBacktrader() =>
        AssertMatches("close-entry-close-exit", Sma15(new SignalOrders(Entry: new SignalOrder(OrderType.Close), Exit: new SignalOrder(OrderType.Close))), Orcl2000(), Quickstart);

    [Fact]
    public void LimitExit_1PercentAboveTheClose_Valid1Bar_Orcl2000_MatchesBacktrader() =>
        AssertMatches("limit-exit-1-bar", Sma15(new SignalOrders(Exit: new SignalOrder(OrderType.Limit, Offset: -0.01m, ValidBars: 1))), Orcl2000(), Quickstart);

    [Fact]
    public void Both_LimitEntries_StopReversals_Orcl1995To2014_Commission0_1Percent_MatchesBacktrader() =>
        AssertMatches("both-limit-entry-stop-exit",
            new DualMaCrossStrategy(10, 30, exponential: false, new SignalOrders(TradeDirection.Both,
                Entry: new SignalOrder(OrderType.Limit, Offset: -0.005m, ValidDays: 5), Exit: new SignalOrder(OrderType.Stop, Offset: 0.002m))),
            Orcl(new DateTime(1995, 1, 1), new DateTime(2014, 12, 31)), OrclAll());

    [Fact]
    public void ShortOnly_StopLimitExits_Valid2Days_Orcl1995To2014_MatchesBacktrader() =>
        AssertMatches("short-stop-limit-exit",
            new DualMaCrossStrategy(10, 30, exponential: false, new SignalOrders(TradeDirection.Short,
                Exit: new SignalOrder(OrderType.StopLimit, Offset: 0m, LimitOffset: 0.01m, ValidDays: 2))),
            Orcl(new DateTime(1995, 1, 1), new DateTime(2014, 12, 31)), OrclAll());

    [Fact]
    public void LowerCloses_LimitEntriesValid2Bars_StopExits_Orcl2000_MatchesBacktrader() =>
        AssertMatches("lower-closes-limit-entry-2-bars-stop-exit",
            new LowerClosesStrategy(2, 5, new SignalOrders(Entry: new SignalOrder(OrderType.Limit, Offset: -0.005m, ValidBars: 2), Exit: new SignalOrder(OrderType.Stop, Offset: 0.01m))),
            Orcl2000(), Quickstart);

    private static PriceSmaCrossStrategy Sma15(SignalOrders orders) => new(15, orders);

    private static EngineOptions OrclAll() =>
        new() { Sizer = new Sizer.Fixed(10), Commission = new CommissionModel.PercentOfNotional(0.001m), ShortSelling = true };

    private static BarSeries Orcl2000() => Orcl(new DateTime(2000, 1, 1), new DateTime(2000, 12, 31));

    private static BarSeries Orcl(DateTime from, DateTime to) => BacktraderVectors.Orcl(from, to);

    private static void AssertMatches(string scenario, Strategy strategy, BarSeries bars, EngineOptions options)
    {
        var expected = BacktraderVectors.Scenario("orders.json", scenario);
        var result = new TradingEngine(strategy, options).Run(bars);

        // backtrader averages a fill into order.executed in floats (26.309999999999995 for 26.31): its prices are
        // compared rounded to 6 decimals, far below a cent and far above that noise.
        var fills = result.Orders.Where(o => o.Status == OrderStatus.Filled)
            .Select(o => (BacktraderVectors.Day(o.FilledAt!.Value), o.Side == OrderSide.Buy ? "buy" : "sell", o.Quantity, o.FillPrice!.Value)).ToArray();
        var wantFills = expected.GetProperty("fills").EnumerateArray()
            .Select(f => (f.GetProperty("date").GetString()!, f.GetProperty("side").GetString()!, f.GetProperty("size").GetDecimal(), Math.Round(f.GetProperty("price").GetDecimal(), 6))).ToArray();
        Assert.Equal(wantFills, fills);
        BacktraderVectors.AssertTradesAndEnd(expected, result);
    }
}
