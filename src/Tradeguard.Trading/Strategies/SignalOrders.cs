using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Strategies;

/// <summary>
/// Turns a built-in strategy's signal into orders, so every built-in strategy enters, exits and reverses alike. A
/// bullish signal (+1) opens a long when flat and closes a short; a bearish one (−1) opens a short when flat and closes
/// a long; where <see cref="TradeDirection.Both"/> a position is reversed in one order of |position| + the sizer's
/// stake (backtrader fills such an order as a close plus an open). Positions are opened with <see cref="Entry"/>
/// orders and closed or reversed with <see cref="Exit"/> orders (config <c>strategy.direction</c> and
/// <c>strategy.orders</c>).
/// </summary>
/// <param name="Direction">Which positions the strategy takes.</param>
/// <param name="Entry">The order that opens a position from flat; null is <see cref="SignalOrder.Market"/>.</param>
/// <param name="Exit">The order that closes or reverses a position on the opposite signal; null is <see cref="SignalOrder.Market"/>.</param>
/// <param name="PriceDecimals">Decimals limit and stop prices are rounded to (the instrument's tick: 2 for cents), 0 to <see cref="MaxPriceDecimals"/>.</param>
public sealed record SignalOrders(TradeDirection Direction = TradeDirection.Long, SignalOrder? Entry = null, SignalOrder? Exit = null, int PriceDecimals = 2)
{
    /// <summary>The most decimals a price can be rounded to.</summary>
    public const int MaxPriceDecimals = 8;

    /// <summary>Long only, market orders: what a built-in strategy does unless configured otherwise.</summary>
    public static SignalOrders LongAtMarket { get; } = new();

    /// <summary>Places the order <paramref name="signal"/> (+1, −1, 0) calls for on <paramref name="bar"/>, if any.</summary>
    public void Act(StrategyContext context, in Bar bar, int signal)
    {
        var position = context.Position;
        if (signal > 0)
        {
            if (position == 0 && Direction != TradeDirection.Short)
            {
                Open(context, OrderSide.Buy, bar);
            }
            else if (position < 0)
            {
                Send(context, Exit, OrderSide.Buy, Direction == TradeDirection.Both ? -position + context.Stake : -position, bar);
            }
        }
        else if (signal < 0)
        {
            if (position == 0 && Direction != TradeDirection.Long)
            {
                Open(context, OrderSide.Sell, bar);
            }
            else if (position > 0)
            {
                Send(context, Exit, OrderSide.Sell, Direction == TradeDirection.Both ? position + context.Stake : null, bar);
            }
        }
    }

    /// <summary>Opens a position of the sizer's stake with an <see cref="Entry"/> order: a buy for a long, a sell for a short.</summary>
    public Order Open(StrategyContext context, OrderSide side, in Bar bar) =>
        Send(context, Entry, side, side == OrderSide.Buy ? null : context.Stake, bar);

    /// <summary>Closes the whole position with an <see cref="Exit"/> order (a sell for a long, a buy for a short).</summary>
    public Order Close(StrategyContext context, in Bar bar) =>
        context.Position < 0 ? Send(context, Exit, OrderSide.Buy, -context.Position, bar) : Send(context, Exit, OrderSide.Sell, null, bar);

    /// <summary>The suffix a strategy's name gets: the direction (none for long-only, so existing names stay) and any order that is not at market.</summary>
    public string NameSuffix() => (Direction switch
    {
        TradeDirection.Short => ", short",
        TradeDirection.Both => ", long+short",
        _ => "",
    }) + Describe("entry", Entry) + Describe("exit", Exit);

    private static string Describe(string role, SignalOrder? order) =>
        order is null || order.IsMarket ? "" : $", {role}={SignalOrder.TypeName(order.Type)}";

    // Market orders go through the context's own requests (a sell without a quantity is the whole position), so a
    // run without order settings sends exactly the orders it always did.
    private Order Send(StrategyContext context, SignalOrder? order, OrderSide side, decimal? quantity, in Bar bar) =>
        order is null || order.IsMarket
            ? side == OrderSide.Buy ? context.Buy(quantity) : quantity is null ? context.ClosePosition() : context.SellShort(quantity)
            : context.Submit(order.Request(side, quantity, bar, PriceDecimals));
}
