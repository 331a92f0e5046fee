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
    [InlineData("0.000015", null, null, "quantity 0.000015 is not a multiple of the lot size 0.00001 (LOT_SIZE)")]
    [InlineData("0", null, null, "quantity 0 is below the lot size 0.00001 (LOT_SIZE)")]
    [InlineData("0.0001", null, null, "notional 4.2 is below the minimum 5 (NOTIONAL)")] // a market order at the 42,000 last price
    [InlineData("0.001", "42000.005", null, "price 42000.005 is not a multiple of the tick size 0.01 (PRICE_FILTER)")]
    [InlineData("0.001", "42000", "41000.001", "stop price 41000.001 is not a multiple of the tick size 0.01 (PRICE_FILTER)")]
    [InlineData("0.001", "0", null, "price 0 is below the tick size 0.01 (PRICE_FILTER)")]
    [InlineData("0.00012", null, null, null)] // 5.04 ≥ 5
    [InlineData("0.00012", "41666.67", null, null)] // 0.00012 × 41,666.67 = 5.0000004 ≥ 5: the limit, not the last price, values it
    [InlineData("0.00011", "41666.67", null, "notional 4.5833337 is below the minimum 5 (NOTIONAL)")]
    public void Check_NamesTheFilterAnOrderBreaks(string quantity, string? limit, string? stop, string? expected)
    {
        Assert.Equal(expected, Btc.Check(D(quantity), limit is null ? null : D(limit), stop is null ? null : D(stop), 42_000m)?.ToString());
    }

    [Theory]
    [InlineData("9000", "1000", null)] // every maximum exactly: 9000 units × 1000 = 9,000,000
    [InlineData("9000.00001", null, "quantity 9000.00001 is above the maximum 9000 (LOT_SIZE)")]
    [InlineData("1", "1000000", null)]
    [InlineData("1", "1000000.01", "price 1000000.01 is above the maximum 1000000 (PRICE_FILTER)")]
    [InlineData("100", "90000", null)] // exactly 9,000,000
    [InlineData("100", "90000.01", "notional 9000001 is above the maximum 9000000 (NOTIONAL)")]
    [InlineData("9000", null, null)] // a market order worth 378,000,000 at 42,000: applyMaxToMarket is false
    public void Check_HoldsOrdersToTheMaximums(string quantity, string? limit, string? expected)
    {
        // BTCUSDT's published maxima (exchangeInfo, 2024): maxQty 9000, maxPrice 1000000, maxNotional 9000000.
        var btc = Btc with { MaxQuantity = 9000m, MaxPrice = 1_000_000m, MaxNotional = 9_000_000m };
        Assert.Equal(expected, btc.Check(D(quantity), limit is null ? null : D(limit), null, 42_000m)?.ToString());
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

    [Theory]
    [InlineData(OrderSide.Buy, "42165.57345", "42000", "42200", "42165.58")] // up, against the buyer
    [InlineData(OrderSide.Sell, "42107.89995", "42100", "42160", "42107.89")] // down, against the seller
    [InlineData(OrderSide.Buy, "42010.01", "42000", "42200", "42010.01")] // on the tick already
    [InlineData(OrderSide.Buy, "42010.005", "42000", "42010.005", "42010.00")] // 42,010.01 is above the high: the tick inside
    [InlineData(OrderSide.Sell, "41990.005", "41990.005", "42000", "41990.01")] // 41,990.00 is below the low: the tick inside
    [InlineData(OrderSide.Buy, "42010.007", "42010.001", "42010.009", "42010.007")] // no tick in the bar: kept as it traded
    [InlineData(OrderSide.Sell, "42010.007", "42010.001", "42010.009", "42010.007")]
    public void FillPrice_RoundsOntoTheTickAgainstTheTrader_InsideTheBar(OrderSide side, string price, string low, string high, string expected)
    {
        Assert.Equal(D(expected), Btc.FillPrice(side, D(price), D(low), D(high)));
    }

    [Fact]
    public void FillPrice_WithoutATick_IsThePriceItself()
    {
        Assert.Equal(42_165.57345m, new Instrument(0.00001m, 0, 5m).FillPrice(OrderSide.Buy, 42_165.57345m, 42_000m, 42_200m));
    }

    [Theory]
    [InlineData(true, "42165.58", "42107.89")]
    [InlineData(false, "42165.57345", "42107.89995")] // without an instrument, fills stay where slippage put them (as before)
    public void SlippedFills_AreOnTheTick_OnlyWithAnInstrument(bool withInstrument, string buyFill, string sellFill)
    {
        // 0.1% slippage: 42,123.45 + 42.12345 = 42,165.57345 (buy, up to 42,165.58);
        // 42,150.05 − 42.15005 = 42,107.89995 (sell, down to 42,107.89).
        var bars = Hourly((42_000m, 42_100m, 41_900m, 42_000m), (42_123.45m, 42_200m, 42_000m, 42_150m), (42_150.05m, 42_160m, 42_100m, 42_150m));
        var options = new EngineOptions { InitialCash = 10_000m, Instrument = withInstrument ? Btc : null, Slippage = new SlippageModel.Percent(0.001m) };

        var (result, _, _) = TestBars.Run(bars, options, (c, i) =>
        {
            if (i == 0)
            {
                c.Buy(0.1m);
            }
            else if (i == 1)
            {
                c.ClosePosition();
            }
        });

        Assert.Equal((D(buyFill), D(sellFill)), (result.Orders[0].FillPrice, result.Orders[1].FillPrice));
    }

    [Fact]
    public void SlippedFill_AtAnOffTickHigh_IsRoundedDownInsideTheBar()
    {
        // 42,000 + 10.005 = 42,010.005, the bar's high: 42,010.01 did not trade, so the buy fills at 42,010.00.
        var bars = Hourly((42_000m, 42_100m, 41_900m, 42_000m), (42_000m, 42_010.005m, 41_990m, 42_005m));
        var options = new EngineOptions { InitialCash = 10_000m, Instrument = Btc, Slippage = new SlippageModel.Fixed(10.005m) };

        var (result, _, _) = TestBars.Run(bars, options, (c, i) =>
        {
            if (i == 0)
            {
                c.Buy(0.1m);
            }
        });

        Assert.Equal(42_010.00m, result.Orders[0].FillPrice);
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Bars an hour apart from Saturday 2024-01-06 00:00.</summary>
    private static BarSeries Hourly(params (decimal Open, decimal High, decimal Low, decimal Close)[] bars) =>
        new("BTCUSDT", bars.Select((b, i) => new Bar(new DateTime(2024, 1, 6).AddHours(i), b.Open, b.High, b.Low, b.Close, 10)));
}
