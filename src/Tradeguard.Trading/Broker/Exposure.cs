namespace Tradeguard.Trading.Broker;

/// <summary>How an order splits against a position (backtrader's <c>Position.update</c>): the part that closes, then the part that opens.</summary>
internal static class Exposure
{
    /// <summary>
    /// Units of a <paramref name="side"/> order of <paramref name="quantity"/> that would open or extend a position
    /// when <paramref name="position"/> units are held (negative: short); the rest closes the opposite position.
    /// </summary>
    public static decimal Opening(OrderSide side, decimal quantity, decimal position) =>
        quantity - Math.Min(quantity, side == OrderSide.Buy ? Math.Max(0, -position) : Math.Max(0, position));
}
