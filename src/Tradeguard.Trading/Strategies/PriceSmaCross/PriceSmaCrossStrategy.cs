using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Strategies.PriceSmaCross;

/// <summary>
/// Price against its simple moving average (the backtrader quickstart's "SMA" strategy): with no order working, buy
/// when flat and the close is above the SMA, sell the position when long and the close is below it. Short and both
/// directions mirror it (<see cref="SignalOrders"/>).
/// </summary>
public sealed class PriceSmaCrossStrategy : Strategy
{
    private readonly Indicators.Sma.Sma sma;
    private readonly SignalOrders orders;

    /// <summary>Creates the strategy.</summary>
    /// <param name="period">SMA period in bars, at least 1.</param>
    /// <param name="orders">Direction and order types; null is long only at market.</param>
    public PriceSmaCrossStrategy(int period, SignalOrders? orders = null)
    {
        sma = new Indicators.Sma.Sma(period);
        this.orders = orders ?? SignalOrders.LongAtMarket;
    }

    /// <inheritdoc />
    public override string Name => $"price-sma-cross(period={sma.Period}{orders.NameSuffix()})";

    /// <inheritdoc />
    public override IReadOnlyList<PriceOverlay> Overlays => [new($"SMA({sma.Period})", () => new Indicators.Sma.Sma(sma.Period).Add)];

    /// <inheritdoc />
    public override void OnBar(StrategyContext context, in Bar bar)
    {
        var close = (double)bar.Close;
        var average = sma.Add(close);
        if (!sma.IsReady || context.HasWorkingOrders)
        {
            return;
        }

        orders.Act(context, bar, close > average ? 1 : close < average ? -1 : 0);
    }
}
