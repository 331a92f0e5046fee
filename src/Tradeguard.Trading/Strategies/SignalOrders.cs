namespace Tradeguard.Trading.Strategies;

/// <summary>
/// Turns a strategy's signal into orders for its <see cref="TradeDirection"/>, so every built-in strategy enters,
/// exits and reverses alike. A bullish signal (+1) opens a long when flat and closes a short; a bearish one (−1)
/// opens a short when flat and closes a long; where <see cref="TradeDirection.Both"/> a position is reversed in one
/// market order of |position| + the sizer's stake (backtrader fills such an order as a close plus an open).
/// </summary>
internal static class SignalOrders
{
    /// <summary>Places the order <paramref name="signal"/> (+1, −1, 0) calls for, if any.</summary>
    public static void Act(StrategyContext context, TradeDirection direction, int signal)
    {
        var position = context.Position;
        if (signal > 0)
        {
            if (position == 0 && direction != TradeDirection.Short)
            {
                context.Buy();
            }
            else if (position < 0 && direction == TradeDirection.Both)
            {
                context.Buy(-position + context.Stake);
            }
            else if (position < 0)
            {
                context.ClosePosition();
            }
        }
        else if (signal < 0)
        {
            if (position == 0 && direction != TradeDirection.Long)
            {
                context.SellShort();
            }
            else if (position > 0 && direction == TradeDirection.Both)
            {
                context.SellShort(position + context.Stake);
            }
            else if (position > 0)
            {
                context.ClosePosition();
            }
        }
    }

    /// <summary>The suffix a strategy's name gets for <paramref name="direction"/>: none for long-only, so existing names stay.</summary>
    public static string NameSuffix(TradeDirection direction) => direction switch
    {
        TradeDirection.Short => ", short",
        TradeDirection.Both => ", long+short",
        _ => "",
    };
}
