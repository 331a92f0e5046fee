using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Events;

namespace Tradeguard.Trading.Tests.Engine;

public sealed class PaperBrokerTests
{
    private static readonly EngineOptions Cash1000 = new() { InitialCash = 1000m };

    private static Order OnlyOrder(RunResult result) => Assert.Single(result.Orders);

    [Fact]
    public void MarketOrder_FillsAtTheNextBarsOpen()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (12, 13, 11, 12.5m));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) => { if (i == 0) c.Buy(2); });
        var order = OnlyOrder(result);
        Assert.Equal((OrderStatus.Filled, 12m, 1), (order.Status, order.FillPrice!.Value, order.FilledAtBar!.Value));
        Assert.Equal((976m, 2m, 1001m), (result.FinalCash, result.FinalPosition, result.FinalValue));
    }

    [Fact]
    public void CloseOrder_FillsAtTheNextBarsClose()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (12, 13, 11, 12.5m));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) => { if (i == 0) c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.Close)); });
        Assert.Equal(12.5m, OnlyOrder(result).FillPrice);
    }

    [Theory]
    [InlineData(9.5, 10, 9.5)] // the bar opens above the limit and trades down through it: filled at the limit
    [InlineData(9.5, 9.2, 9.2)] // the bar opens below the limit (gap down): filled at the better open
    public void BuyLimit_FillsAtTheLimitOrAtAGappedOpen(double limit, double open, double expected)
    {
        var bars = TestBars.Daily((10, 11, 9, 10), ((decimal)open, 10, 8, 9.8m));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0)
            {
                c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.Limit, LimitPrice: (decimal)limit));
            }
        });
        Assert.Equal((decimal)expected, OnlyOrder(result).FillPrice);
    }

    [Fact]
    public void BuyLimit_NotReached_KeepsWorking()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9.6m, 10));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) => { if (i == 0) c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.Limit, LimitPrice: 9.5m)); });
        Assert.Equal(OrderStatus.Working, OnlyOrder(result).Status);
    }

    [Theory]
    [InlineData(11, 10.5, 11)] // trades up through the stop: filled at the stop
    [InlineData(11, 11.8, 11.8)] // opens above the stop (gap up): filled at the worse open
    public void BuyStop_FillsAtTheStopOrAtAGappedOpen(double stop, double open, double expected)
    {
        var bars = TestBars.Daily((10, 11, 9, 10), ((decimal)open, 12, 10, 11.5m));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0)
            {
                c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.Stop, StopPrice: (decimal)stop));
            }
        });
        Assert.Equal((decimal)expected, OnlyOrder(result).FillPrice);
    }

    [Fact]
    public void SellStop_GapDownThroughTheStop_FillsAtTheOpen()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9, 10), (8, 8.5m, 7, 8));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Buy(1);
            if (i == 1) c.Submit(new OrderRequest(OrderSide.Sell, 1, OrderType.Stop, StopPrice: 9.5m));
        });
        Assert.Equal(8m, result.Orders[1].FillPrice);
    }

    // Stop-limit semantics follow backtrader's broker (bbroker._try_exec_stoplimit, backtrader 1.9.78.123).
    [Fact]
    public void BuyStopLimit_TriggeredOnAnUpBar_WithTheLimitBelowTheStop_DoesNotFillThatBar()
    {
        // The repro: stop 102, limit 101, bar O=100 H=103 L=100 C=103. backtrader does not fill.
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 103, 100, 103));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.StopLimit, LimitPrice: 101m, StopPrice: 102m));
        });
        var order = OnlyOrder(result);
        Assert.Equal((OrderStatus.Working, true), (order.Status, order.IsTriggered));
    }

    [Fact]
    public void BuyStopLimit_OnceTriggered_WorksAsALimit_WithoutTestingTheStopAgain()
    {
        // The repro: bar 1 (101.5/103/101.5/102) triggers; bar 2 (101.8/101.9/100.5/101) never reaches the
        // stop again but trades through the limit: backtrader fills at 101 on bar 2.
        var bars = TestBars.Daily((100, 100, 100, 100), (101.5m, 103, 101.5m, 102), (101.8m, 101.9m, 100.5m, 101));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.StopLimit, LimitPrice: 101m, StopPrice: 102m));
        });
        var order = OnlyOrder(result);
        Assert.Equal((OrderStatus.Filled, 101m, 2), (order.Status, order.FillPrice!.Value, order.FilledAtBar!.Value));
    }

    [Fact]
    public void BuyStopLimit_TriggeredOnADownBar_ClosingAtOrBelowTheLimit_FillsAtTheLimit()
    {
        var bars = TestBars.Daily((100, 100, 100, 100), (101.5m, 103, 100, 100.8m));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.StopLimit, LimitPrice: 101m, StopPrice: 102m));
        });
        Assert.Equal((OrderStatus.Filled, 101m), (OnlyOrder(result).Status, OnlyOrder(result).FillPrice!.Value));
    }

    [Theory]
    [InlineData(100, 103, 100, 103)] // up bar
    [InlineData(101.5, 103, 100, 100.8)] // down bar
    public void BuyStopLimit_WithTheLimitAboveTheStop_FillsAtTheStop(double open, double high, double low, double close)
    {
        var bars = TestBars.Daily((100, 100, 100, 100), ((decimal)open, (decimal)high, (decimal)low, (decimal)close));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.StopLimit, LimitPrice: 102.5m, StopPrice: 102m));
        });
        Assert.Equal(102m, OnlyOrder(result).FillPrice);
    }

    [Theory]
    [InlineData(98.5, 100, 97, 99.5, 99.0)] // up bar after the trigger, closing at or above the limit: filled at the limit
    [InlineData(100, 100, 97, 97.5, null)] // down bar: only triggered
    public void SellStopLimit_TriggeredIntraBar_FillsAtTheLimitOnlyOnAnUpBar(double open, double high, double low, double close, double? expected)
    {
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 100, 100, 100), ((decimal)open, (decimal)high, (decimal)low, (decimal)close));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Buy(1);
            if (i == 1) c.Submit(new OrderRequest(OrderSide.Sell, 1, OrderType.StopLimit, LimitPrice: 99m, StopPrice: 98m));
        });
        var sell = result.Orders[1];
        Assert.True(sell.IsTriggered);
        Assert.Equal(expected is null ? null : (decimal)expected.Value, sell.FillPrice);
    }

    [Fact]
    public void BuyStopLimit_GapAboveTheLimit_DoesNotFill()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (12, 12.5m, 11.9m, 12));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.StopLimit, LimitPrice: 11.5m, StopPrice: 11m));
        });
        Assert.Equal(OrderStatus.Working, OnlyOrder(result).Status);
    }

    [Fact]
    public void ValidityForBars_ExpiresAfterThatManyBars()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9.6m, 10), (10, 11, 9.6m, 10), (10, 11, 9, 10));
        var (result, events, strategy) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.Limit, LimitPrice: 9.5m, Validity: OrderValidity.ForBars(2)));
        });
        Assert.Equal(OrderStatus.Expired, OnlyOrder(result).Status);
        Assert.Equal([(3, 1L, OrderStatus.Expired)], strategy.Updates);
        Assert.Contains(events, e => e.Kind == TradingEventKind.OrderExpired && e.AlertLine == "[paper] Buy order expired · TEST");
    }

    [Fact]
    public void ValidityUntilADate_IncludesThatWholeDay()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9.6m, 10), (10, 11, 9, 10));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.Limit, LimitPrice: 9.5m, Validity: OrderValidity.Until(new DateTime(2024, 1, 2))));
        });
        Assert.Equal(OrderStatus.Expired, OnlyOrder(result).Status);
    }

    [Theory]
    [InlineData(3, OrderStatus.Expired)] // backtrader: valid=2024-01-03 expires at the start of that day, so that day's bar never sees it
    [InlineData(4, OrderStatus.Working)] // valid=2024-01-04: the bar of 2024-01-03 still does
    public void ValidityBacktraderValid_ExpiresAtTheStartOfThatDay(int validDay, OrderStatus statusAfterTheBarOf3January)
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9.6m, 10), (10, 11, 9.6m, 10));
        var valid = new DateTime(2024, 1, validDay);
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.Limit, LimitPrice: 9.5m, Validity: OrderValidity.BacktraderValid(valid)));
        });
        Assert.Equal(statusAfterTheBarOf3January, OnlyOrder(result).Status);
    }

    [Fact]
    public void ValidityUntil_KeepsTheWholeDay_WhereBacktraderValidHasExpired()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9.6m, 10), (10, 11, 9.6m, 10));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.Limit, LimitPrice: 9.5m, Validity: OrderValidity.Until(new DateTime(2024, 1, 3))));
        });
        Assert.Equal(OrderStatus.Working, OnlyOrder(result).Status);
    }

    [Fact]
    public void ValidityUntilTheLastRepresentableDay_NeverOverflows()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9.6m, 10));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0)
            {
                c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.Limit, LimitPrice: 9.5m, Validity: OrderValidity.Until(DateTime.MaxValue.Date)));
            }
        });
        Assert.Equal(OrderStatus.Working, OnlyOrder(result).Status);
    }

    [Fact]
    public void Cancel_StopsAWorkingOrder_AndTheStrategyHearsOfIt()
    {
        Order? order = null;
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9.6m, 10), (10, 11, 9, 10));
        var (result, events, strategy) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) order = c.Submit(new OrderRequest(OrderSide.Buy, 1, OrderType.Limit, LimitPrice: 9.5m));
            if (i == 1) Assert.True(c.Cancel(order!));
        });
        Assert.Equal((OrderStatus.Cancelled, "cancelled by the strategy"), (OnlyOrder(result).Status, OnlyOrder(result).Reason));
        Assert.Equal([(2, 1L, OrderStatus.Cancelled)], strategy.Updates);
        Assert.Contains(events, e => e.AlertLine == "[paper] Buy order cancelled · TEST");
    }

    [Fact]
    public void BuyCostingMoreThanTheCash_IsRejectedWithTheReason()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9, 10));
        var (result, events, strategy) = TestBars.Run(bars, new EngineOptions { InitialCash = 50m }, (c, i) => { if (i == 0) c.Buy(6); });
        var order = OnlyOrder(result);
        Assert.Equal((OrderStatus.Rejected, "not enough cash: the order needs 60, 50 is available"), (order.Status, order.Reason));
        Assert.Equal([(1, 1L, OrderStatus.Rejected)], strategy.Updates);
        var rejected = Assert.Single(events, e => e.Kind == TradingEventKind.OrderRejected);
        Assert.Equal(("[paper] Buy order rejected · TEST", "not enough cash: the order needs 60, 50 is available"), (rejected.AlertLine, rejected.Details.Reason));
    }

    [Fact]
    public void GapUpMakingTheFillUnaffordable_IsRejectedAtTheFill()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (13, 14, 12, 13));
        var (result, _, _) = TestBars.Run(bars, new EngineOptions { InitialCash = 50m }, (c, i) => { if (i == 0) c.Buy(5); });
        Assert.Equal((OrderStatus.Rejected, "not enough cash at the fill: needs 65, has 50"), (OnlyOrder(result).Status, OnlyOrder(result).Reason));
    }

    [Fact]
    public void SellingMoreThanThePosition_IsRejected_NoShortSelling()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9, 10));
        var (result, _, _) = TestBars.Run(bars, Cash1000, (c, i) => { if (i == 0) c.Submit(new OrderRequest(OrderSide.Sell, 1)); });
        Assert.Equal("would sell 1 units with 0 available; short selling is not supported", OnlyOrder(result).Reason);
    }

    [Fact]
    public void OrderStatus_ReachesTheStrategyBeforeItsNextBar_SoItCanExitAndReEnterOnOneBar()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (11, 12, 10, 11), (12, 13, 11, 12), (13, 14, 12, 13));
        var (result, _, strategy) = TestBars.Run(bars, Cash1000, (c, i) =>
        {
            if (i == 0) c.Buy(1);
            if (i == 1) c.ClosePosition();
            if (i == 2)
            {
                Assert.Equal(0m, c.Position); // the sell filled at bar 2's open and the strategy has heard of it
                c.Buy(1);
            }
        });
        Assert.Equal([(1, 1L, OrderStatus.Filled), (2, 2L, OrderStatus.Filled), (3, 3L, OrderStatus.Filled)], strategy.Updates);
        Assert.Equal([11m, 12m, 13m], result.Orders.Select(o => o.FillPrice!.Value));
    }

    [Fact]
    public void Commission_PercentPerUnitAndPerOrder_AreChargedPerFill()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (20, 21, 19, 20), (30, 31, 29, 30));
        decimal Fees(CommissionModel model) =>
            TestBars.Run(bars, Cash1000 with { Commission = model }, (c, i) => { if (i == 0) c.Buy(3); if (i == 1) c.ClosePosition(); }).Result.TotalCommission;

        // buy 3 at 20, sell 3 at 30
        Assert.Equal(0.01m * 60 + 0.01m * 90, Fees(new CommissionModel.PercentOfNotional(0.01m)));
        Assert.Equal(0.5m * 6, Fees(new CommissionModel.PerUnit(0.5m)));
        Assert.Equal(2m, Fees(new CommissionModel.PerOrder(1m)));
    }

    [Fact]
    public void Slippage_MovesFillsAgainstTheTrader_WithinTheBarsRange()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (20, 20.1m, 19, 20), (30, 31, 29.9m, 30));
        var (result, _, _) = TestBars.Run(bars, Cash1000 with { Slippage = new SlippageModel.Percent(0.01m) },
            (c, i) => { if (i == 0) c.Buy(1); if (i == 1) c.ClosePosition(); });
        Assert.Equal([20.1m, 29.9m], result.Orders.Select(o => o.FillPrice!.Value)); // 20.2 capped at High, 29.7 at Low
    }

    [Fact]
    public void PercentOfEquitySizer_BuysWholeUnits()
    {
        var bars = TestBars.Daily((10, 11, 9, 30), (30, 31, 29, 30));
        var (result, _, _) = TestBars.Run(bars, Cash1000 with { Sizer = new Sizer.PercentOfEquity(0.5m) }, (c, i) => { if (i == 0) c.Buy(); });
        Assert.Equal(16m, OnlyOrder(result).Quantity); // floor(1000 × 0.5 / 30)
    }

    [Fact]
    public void BracketStopLoss_Triggers_AndCancelsTheTakeProfit()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (100, 101, 99, 100), (100, 102, 94, 95), (95, 96, 94, 95));
        var options = Cash1000 with { DefaultBracket = new Bracket(StopLoss: 0.05m, TakeProfit: 0.10m) };
        var (result, events, _) = TestBars.Run(bars, options, (c, i) => { if (i == 0) c.Buy(1); });

        var stop = Assert.Single(result.Orders, o => o.Role == OrderRole.StopLoss);
        var target = Assert.Single(result.Orders, o => o.Role == OrderRole.TakeProfit);
        Assert.Equal((OrderStatus.Filled, 95m), (stop.Status, stop.FillPrice!.Value));
        Assert.Equal((OrderStatus.Cancelled, "the position was closed"), (target.Status, target.Reason));
        Assert.Equal(-5m, Assert.Single(result.Trades).NetPnl);
        Assert.Contains(events, e => e.AlertLine == "[paper] Stop-loss triggered · TEST");
    }

    [Fact]
    public void BracketTakeProfit_IsHit()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (100, 101, 99, 100), (100, 111, 99, 108));
        var options = Cash1000 with { DefaultBracket = new Bracket(StopLoss: 0.05m, TakeProfit: 0.10m) };
        var (result, events, _) = TestBars.Run(bars, options, (c, i) => { if (i == 0) c.Buy(1); });
        Assert.Equal(110m, Assert.Single(result.Orders, o => o.Role == OrderRole.TakeProfit).FillPrice);
        Assert.Contains(events, e => e.AlertLine == "[paper] Take-profit hit · TEST");
        Assert.Equal(OrderStatus.Cancelled, Assert.Single(result.Orders, o => o.Role == OrderRole.StopLoss).Status);
    }

    [Fact]
    public void TrailingStop_RisesWithTheClose_AndNeverFalls()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (100, 101, 99, 100), (100, 121, 99, 120), (119, 119, 110, 112), (112, 112, 107, 110));
        var options = Cash1000 with { DefaultBracket = new Bracket(StopLoss: 0.10m, Trailing: true) };
        var (result, _, _) = TestBars.Run(bars, options, (c, i) => { if (i == 0) c.Buy(1); });

        // stop 90 after the fill at 100, raised to 108 by the 120 close, kept at 108 after the 112 close, hit on the last bar.
        var stop = Assert.Single(result.Orders, o => o.Role == OrderRole.StopLoss);
        Assert.Equal((OrderStatus.Filled, 108m), (stop.Status, stop.FillPrice!.Value));
    }
}
