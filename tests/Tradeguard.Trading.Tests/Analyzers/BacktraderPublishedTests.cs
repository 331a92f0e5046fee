using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Reports;
using Tradeguard.Trading.Strategies.DualMaCross;

namespace Tradeguard.Trading.Tests.Analyzers;

/// <summary>
/// The values pinned by backtrader's own tests (commit b853d7c9): tests/test_analyzer-sqn.py asserts SQN
/// 0.912550316439 over 11 trades and tests/test_analyzer-timereturn.py a 2006 return of 0.2794999999999983, for their
/// strategy on datas/2006-day-001.txt (bundled as samples/data/2006-day-001.txt) from 2006-01-01 to 2006-12-31.
/// Their strategy buys one contract at the next open when the close crosses above its SMA(15) and nothing is held
/// or pending, and closes it when the close crosses below: Tradeguard's dual-ma-cross with fast = 1 (the SMA of one
/// close is the close). Their broker is futures-like (commission 2.0 per contract and side, multiplier 10, margin
/// 1000, cash 10000). Tradeguard's broker is cash-backed, long-only stock: 10 units with a per-unit commission of 0.2
/// give the same P&amp;L per trade (10 × price move − 4), so SQN is the same; the index is near 3600, so the 10 units
/// need cash 100,000 rather than a 1,000 margin, and the money gain is compared instead of the return on 10,000.
/// </summary>
public sealed class BacktraderPublishedTests
{
    private static PerformanceMetrics Run()
    {
        var bars = CsvBarLoader.Load(SampleData.Path("2006-day-001.txt"), new BarLoadOptions { From = new DateTime(2006, 1, 1), To = new DateTime(2006, 12, 31) });
        var options = new EngineOptions { InitialCash = 100_000m, Sizer = new Sizer.Fixed(10), Commission = new CommissionModel.PerUnit(0.2m) };
        return PerformanceMetrics.From(new TradingEngine(new DualMaCrossStrategy(1, 15, exponential: false), options).Run(bars));
    }

    [Fact]
    public void Sqn_IsBacktradersPublished0_912550316439_Over11Trades()
    {
        var m = Run();

        Assert.Equal(11, m.TradeCount);
        // The test compares str(sqn)[0:14]; backtrader_analyzers.py prints the whole float, 0.9125503164393756.
        Assert.StartsWith("0.912550316439", m.Trades.Sqn!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        BacktraderAnalyzerTests.AssertClose(0.9125503164393756, m.Trades.Sqn);
    }

    [Fact]
    public void Year2006_GainsWhatBacktradersPublishedReturn0_2795_GainsOn10000()
    {
        var year = Assert.Single(Run().AnnualReturns);

        // backtrader: 10,000 × 0.2794999999999983 = 2,795 (its final value prints as 12794.999999999984).
        Assert.Equal((new DateOnly(2006, 12, 31), 100_000m, 102_795m), (year.PeriodEnd, year.StartValue, year.EndValue));
        BacktraderAnalyzerTests.AssertClose(0.2794999999999983 * 10_000 / 100_000, year.Return);
    }
}
