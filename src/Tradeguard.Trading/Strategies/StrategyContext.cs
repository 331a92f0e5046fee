using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Strategies;

/// <summary>
/// What a strategy sees and may do: the venue's cash and position and order placement, which goes through the risk
/// guard to the venue. <see cref="Engine.TradingRun"/> is the one implementation, the same in backtests, paper and live
/// runs. Nothing here reaches credentials or the network.
/// </summary>
public abstract class StrategyContext
{
    // Requests are immutable: the common ones are shared rather than allocated for every order.
    private static readonly OrderRequest SizedMarketBuy = new(OrderSide.Buy);
    private static readonly OrderRequest WholePositionMarketSell = new(OrderSide.Sell);

    /// <summary>The instrument traded.</summary>
    public abstract string Symbol { get; }

    /// <summary>Index of the current bar, from 0.</summary>
    public abstract int BarIndex { get; }

    /// <summary>Units of this symbol held: above 0 long, below 0 short.</summary>
    public abstract decimal Position { get; }

    /// <summary>Cash, quote currency (in a portfolio run the one account every symbol pays from).</summary>
    public abstract decimal Cash { get; }

    /// <summary>
    /// Cash plus the position at the current bar's close; in a portfolio run, cash plus every symbol's position at its
    /// latest close (<see cref="PortfolioView.Equity"/>). Quote currency.
    /// </summary>
    public abstract decimal Equity { get; }

    /// <summary>Every symbol of the run (this one included), read-only: latest bars, positions, cash and total equity.</summary>
    public abstract PortfolioView Portfolio { get; }

    /// <summary>Units the run's sizer gives an order now (the quantity of <see cref="Buy"/> and <see cref="SellShort"/> without one).</summary>
    public abstract decimal Stake { get; }

    /// <summary>True while an order the strategy placed is still working (protective exits are not counted).</summary>
    public abstract bool HasWorkingOrders { get; }

    /// <summary>Places an order; the result is <see cref="OrderStatus.Working"/> or <see cref="OrderStatus.Rejected"/> with a reason.</summary>
    public abstract Order Submit(OrderRequest request);

    /// <summary>Cancels a working order; false when it is no longer working.</summary>
    public abstract bool Cancel(Order order);

    /// <summary>Buys at market; the run's sizer chooses the quantity when <paramref name="quantity"/> is null.</summary>
    public Order Buy(decimal? quantity = null) => Submit(quantity is null ? SizedMarketBuy : new OrderRequest(OrderSide.Buy, quantity));

    /// <summary>
    /// Sells at market to open or extend a short position (or, from a long one, to reverse it); the run's sizer chooses
    /// the quantity when <paramref name="quantity"/> is null. Needs a run with short selling enabled
    /// (<see cref="Engine.EngineOptions.ShortSelling"/>); otherwise the broker rejects it as larger than the position.
    /// </summary>
    public Order SellShort(decimal? quantity = null) => Submit(new OrderRequest(OrderSide.Sell, quantity ?? Stake));

    /// <summary>
    /// Closes the whole position at market: sells a long one (a sell without a quantity is for the whole position),
    /// buys a short one back. Flat, the sell is rejected as having nothing to sell.
    /// </summary>
    public Order ClosePosition() => Position < 0 ? Submit(new OrderRequest(OrderSide.Buy, -Position)) : Submit(WholePositionMarketSell);
}
