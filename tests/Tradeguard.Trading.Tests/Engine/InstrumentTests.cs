using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>
/// Fractional quantities under an exchange's filters: BTCUSDT-like rules (lot 0.00001, tick 0.01, minimum notional 5;
/// Binance's LOT_SIZE, PRICE_FILTER and NOTIONAL filters). Expected values worked by hand (and with Python's decimal).
/// </summary>
public sealed class InstrumentTests
{
    private static readonly Instrument Btc = new(0.00001m, 0.01m, 5m);

    [Fact]
    public void PercentOfEquity_BuysWholeLots()
    {
        // 10,000 × 0.95 / 42,123.45 = 0.22552758…; floored to the 0.00001 lot: 0.22552.
        Assert.Equal(0.22552m, new Sizer.PercentOfEquity(0.95m, 0.00001m).Size(10_000m, 42_123.45m));
    }

    [Fact]
    public void PercentOfEquity_WithoutALot_StillBuysWholeUnits()
    {
        // 10,000 × 0.95 / 33 = 287.87…: 287 units, as before instruments existed.
        Assert.Equal(287m, new Sizer.PercentOfEquity(0.95m).Size(10_000m, 33m));
    }

    [Theory]
    [InlineData("0.000015", "42000", false, "quantity 0.000015 is not a multiple of the lot size 0.00001 (LOT_SIZE)")]
    [InlineData("0.0001", "42000", false, "notional 4.2 is below the minimum 5 (NOTIONAL)")]
    [InlineData("0.001", "42000.005", true, "price 42000.005 is not a multiple of the tick size 0.01 (PRICE_FILTER)")]
    [InlineData("0.001", "42000.005", false, null)] // a last close off the tick is no order price
    [InlineData("0.00012", "42000", false, null)] // 5.04 ≥ 5
    public void Problem_NamesTheFilterAnOrderBreaks(string quantity, string price, bool ownPrice, string? expected)
    {
        Assert.Equal(expected, Btc.Problem(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), ownPrice));
    }

    [Fact]
    public void PaperBroker_RejectsAnOrderBelowTheMinimumNotional_AndFillsAFractionalOne()
    {
        var bars = Hourly((42_000m, 42_100m, 41_900m, 42_000m), (42_123.45m, 42_200m, 42_000m, 42_150m));
        var options = new EngineOptions { InitialCash = 10_000m, Instrument = Btc };

        var (result, _, _) = TestBars.Run(bars, options, (c, i) =>
        {
            if (i == 0)
            {
                c.Buy(0.0001m); // 4.20 at the 42,000 close
                c.Buy(0.22552m);
            }
        });

        Assert.Equal((OrderStatus.Rejected, "notional 4.2 is below the minimum 5 (NOTIONAL)"), (result.Orders[0].Status, result.Orders[0].Reason));
        Assert.Equal((OrderStatus.Filled, 42_123.45m), (result.Orders[1].Status, result.Orders[1].FillPrice));
        // 10,000 − 0.22552 × 42,123.45 = 10,000 − 9,499.680444 = 500.319556
        Assert.Equal((500.319556m, 0.22552m), (result.FinalCash, result.FinalPosition));
    }

    [Fact]
    public void BracketPrices_AreRoundedOntoTheTick_StopDownTakeProfitUp()
    {
        var bars = Hourly((42_000m, 42_100m, 41_900m, 42_000m), (42_123.45m, 42_200m, 42_000m, 42_150m), (42_150m, 42_160m, 42_140m, 42_150m));
        var options = new EngineOptions { InitialCash = 10_000m, Instrument = Btc, DefaultBracket = new Bracket(0.05m, 0.10m, false) };

        var (result, _, _) = TestBars.Run(bars, options, (c, i) =>
        {
            if (i == 0)
            {
                c.Buy(0.1m);
            }
        });

        // 42,123.45 × 0.95 = 40,017.2775 → 40,017.27; 42,123.45 × 1.10 = 46,335.795 → 46,335.80
        Assert.Equal(40_017.27m, result.Orders.Single(o => o.Role == OrderRole.StopLoss).StopPrice);
        Assert.Equal(46_335.80m, result.Orders.Single(o => o.Role == OrderRole.TakeProfit).LimitPrice);
    }

    /// <summary>Bars an hour apart from Saturday 2024-01-06 00:00.</summary>
    private static BarSeries Hourly(params (decimal Open, decimal High, decimal Low, decimal Close)[] bars) =>
        new("BTCUSDT", bars.Select((b, i) => new Bar(new DateTime(2024, 1, 6).AddHours(i), b.Open, b.High, b.Low, b.Close, 10)));
}
