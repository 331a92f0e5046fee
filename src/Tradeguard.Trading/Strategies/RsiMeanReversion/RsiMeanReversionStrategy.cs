using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Strategies.RsiMeanReversion;

/// <summary>
/// RSI mean reversion: buy when flat and RSI falls below <c>oversold</c>, sell the position when long and RSI rises
/// above <c>overbought</c> (Wilder's RSI, 0–100). Short and both directions mirror it (<see cref="SignalOrders"/>):
/// overbought is the bearish signal.
/// </summary>
public sealed class RsiMeanReversionStrategy : Strategy
{
    private readonly Indicators.Rsi.Rsi rsi;
    private readonly double oversold;
    private readonly double overbought;
    private readonly SignalOrders orders;

    /// <summary>Creates the strategy.</summary>
    /// <param name="period">RSI period, at least 1.</param>
    /// <param name="oversold">Buy level, 0–100, below <paramref name="overbought"/>.</param>
    /// <param name="overbought">Sell level, 0–100.</param>
    /// <param name="orders">Direction and order types; null is long only at market.</param>
    /// <exception cref="ArgumentOutOfRangeException">A level is out of range.</exception>
    public RsiMeanReversionStrategy(int period, double oversold, double overbought, SignalOrders? orders = null)
    {
        if (oversold is < 0 or > 100 || overbought is < 0 or > 100 || oversold >= overbought)
        {
            throw new ArgumentOutOfRangeException(nameof(oversold), oversold, "levels must lie in 0–100 with oversold below overbought");
        }

        rsi = new Indicators.Rsi.Rsi(period);
        this.oversold = oversold;
        this.overbought = overbought;
        this.orders = orders ?? SignalOrders.LongAtMarket;
    }

    /// <inheritdoc />
    public override string Name => $"rsi-mean-reversion(period={rsi.Period}, oversold={oversold}, overbought={overbought}{orders.NameSuffix()})";

    /// <inheritdoc />
    public override void OnBar(StrategyContext context, in Bar bar)
    {
        var value = rsi.Add((double)bar.Close);
        if (!rsi.IsReady || context.HasWorkingOrders)
        {
            return;
        }

        orders.Act(context, bar, value < oversold ? 1 : value > overbought ? -1 : 0);
    }
}
