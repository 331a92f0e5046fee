using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Risk;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>Short positions, reversals and short exits, worked by hand on made-up bars (backtrader's stock-like cash rules, shortcash=True).</summary>
public sealed class ShortSellingTests
{
    private static readonly EngineOptions Shorts = new() { InitialCash = 1000m, ShortSelling = true };

    [Fact]
    public void ShortSale_CreditsProceeds_CoverDebitsCost_TradeIsNegativeQuantityWithPositiveGrossWhenPriceFell()
    {
        // Sell 10 at bar 1's open 100: cash 1000 + 1000 = 2000, value at bar 1's close 95 = 2000 − 950 = 1050.
        // Buy 10 back at bar 3's open 90: cash 2000 − 900 = 1100; gross (100 − 90) × 10 = 100.
        var bars = TestBars.Daily((100, 101, 99, 100), (100, 101, 94, 95), (94, 96, 92, 93), (90, 91, 89, 90));
        var (result, _, _) = TestBars.Run(bars, Shorts, (c, i) =>
        {
            if (i == 0)
            {
                c.SellShort(10);
            }
            else if (i == 2)
            {
                Assert.Equal(-10m, c.Position);
                c.ClosePosition();
            }
        });

        Assert.Equal(1050m, result.EquityCurve[1].Equity);
        Assert.Equal((1100m, 0m, 1100m), (result.FinalCash, result.FinalPosition, result.FinalValue));
        var trade = Assert.Single(result.Trades);
        Assert.Equal((-10m, 100m, 90m, 100m, 2), (trade.Quantity, trade.EntryPrice, trade.ExitPrice, trade.GrossPnl, trade.BarsHeld));
    }

    [Fact]
    public void SellShort_UsesTheSizersStake()
    {
        var bars = TestBars.Daily((100, 101, 99, 100), (100, 101, 99, 100));
        var (result, _, _) = TestBars.Run(bars, Shorts with { Sizer = new Sizer.Fixed(3) }, (c, i) => { if (i == 0) c.SellShort(); });
        Assert.Equal(-3m, result.FinalPosition);
    }

    [Fact]
    public void Reversal_Long10Sell15_ClosesTheLongAndOpensAShortOf5_CommissionSharedByUnits()
    {
        // Per-unit commission 1. Buy 10 at 100 (fee 10); sell 15 at 110 (fee 15: 10 for the closing units, 5 for the
        // opening ones); buy 5 back at 105 (fee 5). Long: gross (110 − 100) × 10 = 100, commission 20. Short: gross
        // (110 − 105) × 5 = 25, commission 10. Cash: 2000 − 1010 + 1650 − 15 − 525 − 5 = 2095 = 2000 + 80 + 15.
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 100, 100, 100), (110, 110, 110, 110), (105, 105, 105, 105));
        var (result, _, _) = TestBars.Run(bars, Shorts with { InitialCash = 2000m, Commission = new CommissionModel.PerUnit(1m) }, (c, i) =>
        {
            switch (i)
            {
                case 0: c.Buy(10); break;
                case 1: c.Submit(new OrderRequest(OrderSide.Sell, 15)); break;
                case 2: Assert.Equal(-5m, c.Position); c.ClosePosition(); break;
            }
        });

        Assert.Equal(2, result.Trades.Count);
        var (longTrade, shortTrade) = (result.Trades[0], result.Trades[1]);
        Assert.Equal((10m, 100m, 110m, 100m, 20m), (longTrade.Quantity, longTrade.EntryPrice, longTrade.ExitPrice, longTrade.GrossPnl, longTrade.Commission));
        Assert.Equal((-5m, 110m, 105m, 25m, 10m), (shortTrade.Quantity, shortTrade.EntryPrice, shortTrade.ExitPrice, shortTrade.GrossPnl, shortTrade.Commission));
        Assert.Equal((new DateTime(2024, 1, 3), new DateTime(2024, 1, 3)), (longTrade.ExitTime, shortTrade.EntryTime));
        Assert.Equal((2095m, 0m), (result.FinalCash, result.FinalPosition));
    }

    [Fact]
    public void LongOnlyBroker_StillRejectsASellBeyondThePosition()
    {
        var bars = TestBars.Daily((100, 101, 99, 100), (100, 101, 99, 100));
        var (result, _, _) = TestBars.Run(bars, Shorts with { ShortSelling = false }, (c, i) => { if (i == 0) c.SellShort(10); });
        var order = Assert.Single(result.Orders);
        Assert.Equal((OrderStatus.Rejected, "would sell 10 units with 0 available; short selling is not supported"), (order.Status, order.Reason));
    }

    [Fact]
    public void ShortStopLoss_IsABuyStopAboveTheFill_AndFillsWhenTheHighReachesIt()
    {
        // Short 10 at 100 with a 5 % stop: buy stop at 105. Bar 2 trades up to 106: covered at 105, the take-profit cancelled.
        var options = Shorts with { DefaultBracket = new Bracket(StopLoss: 0.05m, TakeProfit: 0.10m) };
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 102, 99, 101), (101, 106, 100, 104));
        var (result, _, _) = TestBars.Run(bars, options, (c, i) => { if (i == 0) c.SellShort(10); });

        var stop = result.Orders.Single(o => o.Role == OrderRole.StopLoss);
        var target = result.Orders.Single(o => o.Role == OrderRole.TakeProfit);
        Assert.Equal((OrderSide.Buy, 105.00m, OrderStatus.Filled, 105.00m), (stop.Side, stop.StopPrice!.Value, stop.Status, stop.FillPrice!.Value));
        Assert.Equal((OrderSide.Buy, 90.00m, OrderStatus.Cancelled), (target.Side, target.LimitPrice!.Value, target.Status));
        Assert.Equal((0m, 950m), (result.FinalPosition, result.FinalCash));
    }

    [Fact]
    public void ShortTakeProfit_IsABuyLimitBelowTheFill_AndFillsWhenTheLowReachesIt()
    {
        // Short 10 at 100 with a 10 % take-profit: buy limit at 90. Bar 2 trades down to 89: covered at 90, +100.
        var options = Shorts with { DefaultBracket = new Bracket(StopLoss: 0.05m, TakeProfit: 0.10m) };
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 101, 95, 96), (95, 96, 89, 91));
        var (result, _, _) = TestBars.Run(bars, options, (c, i) => { if (i == 0) c.SellShort(10); });

        var target = result.Orders.Single(o => o.Role == OrderRole.TakeProfit);
        Assert.Equal((OrderStatus.Filled, 90.00m), (target.Status, target.FillPrice!.Value));
        Assert.Equal(OrderStatus.Cancelled, result.Orders.Single(o => o.Role == OrderRole.StopLoss).Status);
        Assert.Equal((0m, 1100m, 100m), (result.FinalPosition, result.FinalCash, Assert.Single(result.Trades).GrossPnl));
    }

    [Fact]
    public void ShortTrailingStop_FallsWithTheLowestClose_AndNeverRises()
    {
        // Short at 100, 10 % trailing: 110 after the fill bar (close 100); closes 90 → 99, 95 → stays 99, 80 → 88;
        // bar 5 rallies to 89: covered at 88, gross (100 − 88) × 10 = 120.
        var options = Shorts with { DefaultBracket = new Bracket(StopLoss: 0.10m, Trailing: true) };
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 101, 99, 100), (95, 96, 89, 90), (91, 96, 90, 95), (85, 87, 79, 80), (82, 89, 81, 86));
        var (result, _, _) = TestBars.Run(bars, options, (c, i) => { if (i == 0) c.SellShort(10); });

        var stop = result.Orders.Single(o => o.Role == OrderRole.StopLoss);
        Assert.Equal((OrderSide.Buy, OrderStatus.Filled, 88.0m, 5), (stop.Side, stop.Status, stop.FillPrice!.Value, stop.FilledAtBar!.Value));
        Assert.Equal(120m, Assert.Single(result.Trades).GrossPnl);
    }

    [Fact]
    public void Reversal_CancelsTheOldLongsExits_AndAttachesTheShortsOwn()
    {
        var options = Shorts with { DefaultBracket = new Bracket(StopLoss: 0.05m) };
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 100, 100));
        var (result, _, _) = TestBars.Run(bars, options, (c, i) =>
        {
            switch (i)
            {
                case 0: c.Buy(10); break;
                case 1: c.Submit(new OrderRequest(OrderSide.Sell, 15)); break;
            }
        });

        var stops = result.Orders.Where(o => o.Role == OrderRole.StopLoss).ToArray();
        Assert.Equal(2, stops.Length);
        Assert.Equal((OrderSide.Sell, OrderStatus.Cancelled, "the position was reversed"), (stops[0].Side, stops[0].Status, stops[0].Reason));
        Assert.Equal((OrderSide.Buy, 5m, 105.00m, OrderStatus.Working), (stops[1].Side, stops[1].Quantity, stops[1].StopPrice!.Value, stops[1].Status));
    }

    [Fact]
    public void CloseAll_BuysAShortBack()
    {
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 100, 100, 100), (98, 98, 98, 98)).Span.ToArray();
        var run = new TradingEngine(new ScriptedStrategy((c, i) => { if (i == 0) c.SellShort(4); }), Shorts).Start(
            new PaperBroker("TEST", 1000m, CommissionModel.None, SlippageModel.None, shortSelling: true), Events.TradingMode.Paper, "test");
        run.Begin(bars[0].Time);
        run.Step(bars[0]);
        run.Step(bars[1]);
        var order = run.CloseAll();
        run.Step(bars[2]);

        Assert.Equal((OrderSide.Buy, 4m, OrderRole.Operator, OrderStatus.Filled), (order!.Side, order.Quantity, order.Role, order.Status));
        Assert.Equal(0m, run.Position);
        Assert.Equal(1008m, run.Cash);
    }

    [Fact]
    public void MaxPosition_CountsAShortsAbsoluteSize()
    {
        var options = Shorts with { Risk = new RiskLimits(MaxPosition: 5m) };
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 100, 100));
        var (result, _, _) = TestBars.Run(bars, options, (c, i) =>
        {
            if (i == 0)
            {
                c.SellShort(6);
                c.SellShort(5);
            }
        });

        Assert.Equal("max position: the order would take the position to 6 units, above the limit of 5", result.Orders[0].Reason);
        Assert.Equal((OrderStatus.Filled, -5m), (result.Orders[1].Status, result.FinalPosition));
    }

    [Fact]
    public void MaxOrderNotional_HoldsBackAShortSale_ButNeverItsCover()
    {
        var options = Shorts with { Risk = new RiskLimits(MaxOrderNotional: 500m) };
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 100, 100));
        var (result, _, _) = TestBars.Run(bars, options, (c, i) =>
        {
            switch (i)
            {
                case 0: c.SellShort(6); c.SellShort(5); break;
                case 1: c.Submit(new OrderRequest(OrderSide.Sell, 5)); break;
                case 2: c.ClosePosition(); break;
            }
        });

        Assert.Equal("max order notional: the order is worth 600, above the limit of 500", result.Orders[0].Reason);
        Assert.Equal(OrderStatus.Filled, result.Orders[3].Status); // buys back 10 units worth 1000
        Assert.Equal(0m, result.FinalPosition);
    }
}
