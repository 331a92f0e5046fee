using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>
/// Futures-like terms worked by hand (backtrader's CommInfoBase with a margin: the margin taken per contract opened
/// and given back per contract closed, P&amp;L × multiplier settled into cash, value = cash + margin × |size|).
/// </summary>
public sealed class FuturesTests
{
    private static readonly EngineOptions Futures = new()
    {
        InitialCash = 5000m,
        Commission = new CommissionModel.PerUnit(2m),
        Contract = new ContractTerms(Multiplier: 10m, MarginPerContract: 1000m),
        ShortSelling = true,
    };

    [Fact]
    public void Long_MarginTakenAndReturned_PnlTimesMultiplier()
    {
        // Buy 2 at 100: cash 5000 − 2 × 1000 − 4 = 2996; at bar 1's close 103 the value is 2996 + 2000 + 2 × 3 × 10 = 5056.
        // Sell 2 at 105: cash 2996 + 2 × 1000 + 2 × 5 × 10 − 4 = 5092; gross 2 × 5 × 10 = 100, commission 8.
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 104, 99, 103), (104, 105, 103, 104), (105, 106, 104, 106));
        var (result, _, _) = TestBars.Run(bars, Futures, (c, i) =>
        {
            if (i == 1)
            {
                Assert.Equal((2996m, 5056m), (c.Cash, c.Equity));
            }

            if (i == 0)
            {
                c.Buy(2);
            }
            else if (i == 2)
            {
                c.ClosePosition();
            }
        });

        Assert.Equal(5056m, result.EquityCurve[1].Equity);
        Assert.Equal((5092m, 5092m, 0m), (result.FinalCash, result.FinalValue, result.FinalPosition));
        var trade = Assert.Single(result.Trades);
        Assert.Equal((2m, 100m, 8m, 92m), (trade.Quantity, trade.GrossPnl, trade.Commission, trade.NetPnl));
    }

    [Fact]
    public void Short_GainsWhenThePriceFalls_AndCashIsSettledAtTheLastClose()
    {
        // Sell 1 at 100: cash 5000 − 1000 − 2 = 3998, held to the end. Last close 92: backtrader's settled cash is
        // 3998 + (−1) × (92 − 100) × 10 = 4078 and the value 4078 + 1000 = 5078.
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 101, 95, 96), (95, 96, 91, 92));
        var (result, _, _) = TestBars.Run(bars, Futures, (c, i) => { if (i == 0) c.SellShort(1); });

        Assert.Equal((4078m, 5078m, -1m), (result.FinalCash, result.FinalValue, result.FinalPosition));
        Assert.Equal(5038m, result.EquityCurve[1].Equity); // 3998 + 1000 + (−1) × (96 − 100) × 10
    }

    [Fact]
    public void Order_NeedingMoreMarginThanTheCashLeft_IsRejectedWhenPlaced()
    {
        // Cash 1500: the first contract reserves 1000 + 2, leaving 498 for the second.
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 100, 100, 100));
        var (result, _, _) = TestBars.Run(bars, Futures with { InitialCash = 1500m }, (c, i) =>
        {
            if (i == 0)
            {
                c.Buy(1);
                c.SellShort(1);
            }
        });

        Assert.Equal(OrderStatus.Filled, result.Orders[0].Status);
        Assert.Equal((OrderStatus.Rejected, "not enough cash: the order needs 1002, 498 is available"), (result.Orders[1].Status, result.Orders[1].Reason));
    }

    [Fact]
    public void Order_WhoseCommissionGrewWithAGap_IsRejectedAtTheFill()
    {
        // 1 % commission: at the close of 100 the contract needs 1000 + 1 = 1001, all the cash; it opens at 110, where it needs 1001.1.
        var options = Futures with { InitialCash = 1001m, Commission = new CommissionModel.PercentOfNotional(0.01m) };
        var bars = TestBars.Daily((100, 100, 100, 100), (110, 110, 110, 110));
        var (result, _, _) = TestBars.Run(bars, options, (c, i) => { if (i == 0) c.Buy(1); });

        var order = Assert.Single(result.Orders);
        Assert.Equal((OrderStatus.Rejected, "not enough cash at the fill: needs 1001.1, has 1001"), (order.Status, order.Reason));
        Assert.Equal(1001m, result.FinalValue);
    }

    [Fact]
    public void ClosingOrder_IsNeverHeldBackForCash()
    {
        // Multiplier 20, long 4 contracts from 100 with cash 4008: the margin and fees take it all. The price falls to 10,
        // a loss of 4 × 90 × 20 = 7200, more than the 4000 of margin the close gives back: the close needs 7200 − 4000
        // + 8 = 3208 with no cash left, and still fills (backtrader checks only the part of an order that opens),
        // leaving cash at −3208.
        var options = Futures with { InitialCash = 4008m, Contract = new ContractTerms(Multiplier: 20m, MarginPerContract: 1000m) };
        var bars = TestBars.Daily((100, 100, 100, 100), (100, 100, 100, 100), (10, 10, 10, 10), (10, 10, 10, 10));
        var (result, _, _) = TestBars.Run(bars, options, (c, i) =>
        {
            if (i == 0)
            {
                c.Buy(4);
            }
            else if (i == 2)
            {
                c.ClosePosition();
            }
        });

        Assert.Equal(OrderStatus.Filled, result.Orders[1].Status);
        Assert.Equal((0m, -3208m, -7216m), (result.FinalPosition, result.FinalCash, Assert.Single(result.Trades).NetPnl));
    }
}
