using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Strategies.LowerCloses;
using Tradeguard.Trading.Strategies.PriceSmaCross;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>
/// The final portfolio values published in backtrader's quickstart guide (backtrader.com/docu/quickstart/quickstart),
/// reproduced on the same data: ORCL 2000, Yahoo prices adjusted and rounded to 2 decimals as YahooFinanceCSVData does.
/// </summary>
public sealed class BacktraderQuickstartTests
{
    private static BarSeries Orcl2000(string file = "orcl-1995-2014.txt") => CsvBarLoader.Load(SampleData.Path(file),
        new BarLoadOptions { From = new DateTime(2000, 1, 1), To = new DateTime(2000, 12, 31) });

    [Fact]
    public void PriceAboveSma15_Stake10_Cash1000_EndsAt975_60()
    {
        var options = new EngineOptions { InitialCash = 1000m, Sizer = new Sizer.Fixed(10) };
        var result = new TradingEngine(new PriceSmaCrossStrategy(15), options).Run(Orcl2000());
        Assert.Equal(975.60m, Math.Round(result.FinalValue, 2));
    }

    [Fact]
    public void TwoLowerCloses_HoldFiveBars_Commission0_1Percent_EndsAt100016_06()
    {
        var options = new EngineOptions { InitialCash = 100_000m, Commission = new CommissionModel.PercentOfNotional(0.001m) };
        var result = new TradingEngine(new LowerClosesStrategy(declines: 2, hold: 5), options).Run(Orcl2000());

        var first = result.Orders.First(o => o.Status == OrderStatus.Filled);
        Assert.Equal((new DateTime(2000, 1, 6), 22.27m, 0.02m), (first.FilledAt!.Value, first.FillPrice!.Value, Math.Round(first.Commission, 2)));
        Assert.Equal(100016.06m, Math.Round(result.FinalValue, 2));
    }
}
