namespace Tradeguard.Trading.Broker;

/// <summary>
/// Creates and updates <see cref="Order"/> objects that mirror orders held by someone else (an exchange), so a
/// strategy running against an exchange sees the same order type, with the same states, as in a backtest. Only the
/// code that tracks the exchange's reports should call these.
/// </summary>
public static class RemoteOrders
{
    /// <summary>A new working order as sent to the exchange.</summary>
    /// <param name="id">Client-side id, unique within the run.</param>
    /// <param name="symbol">The instrument.</param>
    /// <param name="request">What was asked for.</param>
    /// <param name="quantity">Units sent.</param>
    /// <param name="role">Who placed it: the strategy, the operator, or an earlier run being resumed.</param>
    /// <param name="barIndex">Index of the bar it was placed on (−1 before the first bar).</param>
    /// <param name="time">Time of that bar.</param>
    public static Order Create(long id, string symbol, OrderRequest request, decimal quantity, OrderRole role, int barIndex, DateTime time) =>
        new(id, symbol, request, quantity, role, barIndex, time);

    /// <summary>Marks <paramref name="order"/> filled as the exchange reported it.</summary>
    /// <param name="order">The mirrored order.</param>
    /// <param name="price">Average fill price, quote currency per unit.</param>
    /// <param name="commission">Commission charged, quote currency.</param>
    /// <param name="time">Time of the bar it filled on.</param>
    /// <param name="barIndex">Index of that bar.</param>
    public static void MarkFilled(Order order, decimal price, decimal commission, DateTime time, int barIndex)
    {
        order.MarkFilled(price, commission, time, barIndex);
    }

    /// <summary>Marks <paramref name="order"/> rejected, cancelled or expired, with the reason.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is Working or Filled.</exception>
    public static void MarkClosed(Order order, OrderStatus status, string reason)
    {
        if (status is OrderStatus.Working or OrderStatus.Filled)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "use MarkFilled for fills; a closed order is rejected, cancelled or expired");
        }

        order.Status = status;
        order.Reason = reason;
    }
}
