using System.Globalization;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Strategies.DualMaCross;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>
/// backtrader's own strategy test (tests/test_strategy_unoptimized.py at the pinned commit b853d7c9, 1.9.78.123), run
/// on its data file 2006-day-001.txt (samples/data, unchanged): buy 1 unit at the next open when the close crosses
/// above its SMA(15) and nothing is held or pending, close the position when it crosses below; cash 10 000. The
/// cross of the close over its SMA is dual-ma-cross with a fast SMA of 1 bar. The test asserts the final value and
/// cash for stock-like terms (10284.10, 6164.16) and for futures-like ones,
/// <c>setcommission(commission=2.0, mult=10.0, margin=1000.0)</c> (12795.00, 11795.00), and the executed prices
/// (its BUYEXEC and SELLEXEC lists), the same in both runs.
/// </summary>
public sealed class BacktraderFuturesTests
{
    // test_strategy_unoptimized.py, BUYEXEC and SELLEXEC (formatted '%.2f').
    private static readonly string[] BuyExec =
        ["3643.35", "3801.03", "3872.37", "3863.57", "3845.32", "3656.43", "3542.65", "3639.65", "3799.86", "3840.20", "4047.63", "4052.55"];

    private static readonly string[] SellExec =
        ["3763.95", "3811.85", "3822.35", "3822.57", "3829.82", "3598.58", "3545.92", "3766.80", "3782.15", "3979.73", "4045.05"];

    private static BarSeries Day2006() => CsvBarLoader.Load(SampleData.Path("2006-day-001.txt"));

    private static RunResult Run(EngineOptions options) => new TradingEngine(new DualMaCrossStrategy(1, 15, exponential: false), options).Run(Day2006());

    [Fact]
    public void StockLike_EndsAt10284_10_WithCash6164_16()
    {
        var result = Run(new EngineOptions());

        Assert.Equal((10284.10m, 6164.16m), (Math.Round(result.FinalValue, 2), Math.Round(result.FinalCash, 2)));
        AssertBacktraderFills(result);
    }

    [Fact]
    public void Futures_Commission2_Mult10_Margin1000_EndsAt12795_WithCash11795()
    {
        var result = Run(new EngineOptions
        {
            Commission = new CommissionModel.PerUnit(2.0m),
            Contract = new ContractTerms(Multiplier: 10m, MarginPerContract: 1000m),
        });

        Assert.Equal((12795.00m, 11795.00m), (Math.Round(result.FinalValue, 2), Math.Round(result.FinalCash, 2)));
        Assert.Equal(1m, result.FinalPosition);
        AssertBacktraderFills(result);
    }

    private static void AssertBacktraderFills(RunResult result)
    {
        var filled = result.Orders.Where(o => o.Status == OrderStatus.Filled).ToArray();
        Assert.Equal(BuyExec, Prices(filled, OrderSide.Buy));
        Assert.Equal(SellExec, Prices(filled, OrderSide.Sell));
    }

    private static string[] Prices(IEnumerable<Order> orders, OrderSide side) =>
        orders.Where(o => o.Side == side).Select(o => o.FillPrice!.Value.ToString("0.00", CultureInfo.InvariantCulture)).ToArray();
}
