using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Strategies.LowerCloses;

/// <summary>
/// The backtrader quickstart's first strategy: with no order working, buy when flat after <c>declines</c>
/// consecutive lower closes (close[t] &lt; close[t−1] &lt; close[t−2] for 2), and sell the position once the current bar
/// is <c>hold</c> or more bars after the bar on which the last order filled.
/// </summary>
public sealed class LowerClosesStrategy : Strategy
{
    private readonly int declines;
    private readonly int hold;
    private readonly SignalOrders orders;
    private int downRun;
    private decimal previousClose;
    private bool hasPrevious;
    private int lastFillBar;

    /// <summary>Creates the strategy.</summary>
    /// <param name="declines">Consecutive lower closes that trigger a buy, at least 1.</param>
    /// <param name="hold">Bars to hold after the buy fills, at least 1.</param>
    /// <param name="orders">Its entry and exit order types; null is market orders. Long only: a direction is not used.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is below 1.</exception>
    public LowerClosesStrategy(int declines = 2, int hold = 5, SignalOrders? orders = null)
    {
        this.declines = declines >= 1 ? declines : throw new ArgumentOutOfRangeException(nameof(declines));
        this.hold = hold >= 1 ? hold : throw new ArgumentOutOfRangeException(nameof(hold));
        this.orders = orders ?? SignalOrders.LongAtMarket;
    }

    /// <inheritdoc />
    public override string Name => $"lower-closes(declines={declines}, hold={hold}{orders.NameSuffix()})";

    /// <inheritdoc />
    public override void OnOrderUpdate(StrategyContext context, Order order)
    {
        if (order.Status == OrderStatus.Filled)
        {
            lastFillBar = context.BarIndex;
        }
    }

    /// <inheritdoc />
    public override void OnBar(StrategyContext context, in Bar bar)
    {
        downRun = hasPrevious && bar.Close < previousClose ? downRun + 1 : 0;
        previousClose = bar.Close;
        hasPrevious = true;
        if (context.HasWorkingOrders)
        {
            return;
        }

        if (context.Position == 0)
        {
            if (downRun >= declines)
            {
                orders.Open(context, OrderSide.Buy, bar);
            }
        }
        else if (context.BarIndex >= lastFillBar + hold)
        {
            orders.Close(context, bar);
        }
    }
}
