using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Strategies.PriceSmaCross;

/// <summary>
/// Price against its simple moving average (the backtrader quickstart's "SMA" strategy): with no order working, buy
/// when flat and the close is above the SMA, sell the position when long and the close is below it.
/// </summary>
public sealed class PriceSmaCrossStrategy : Strategy
{
    private readonly Indicators.Sma.Sma sma;

    /// <summary>Creates the strategy.</summary>
    /// <param name="period">SMA period in bars, at least 1.</param>
    public PriceSmaCrossStrategy(int period) => sma = new Indicators.Sma.Sma(period);

    /// <inheritdoc />
    public override string Name => $"price-sma-cross(period={sma.Period})";

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

        if (context.Position == 0)
        {
            if (close > average)
            {
                context.Buy();
            }
        }
        else if (close < average)
        {
            context.ClosePosition();
        }
    }
}
