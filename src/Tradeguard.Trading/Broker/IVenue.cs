using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Broker;

/// <summary>
/// Where a <see cref="TradingRun"/> sends its orders and learns what became of them: the seam between the one engine
/// loop and a market. <see cref="PaperVenue"/> simulates fills with <see cref="PaperBroker"/> (backtests, and the exchange
/// sandbox); the exchange adapter in Tradeguard.Exchange sends orders to an exchange, which acknowledges and fills them
/// asynchronously (docs/trading.md, "Venues").
/// </summary>
/// <remarks>
/// The engine calls a venue from one thread, in this order for each bar: <see cref="Update"/> once, then any number of
/// <see cref="Place"/> and <see cref="Cancel"/> calls while the strategy runs. A venue that talks to a remote market does
/// its I/O outside these calls (before the bar it fetches reports; after it, it sends what was queued), so the calls
/// themselves never block and never throw for market reasons: a refused order comes back rejected, with the reason.
/// Prices are quote currency per unit, quantities units, cash quote currency, all <see cref="decimal"/>.
/// </remarks>
public interface IVenue
{
    /// <summary>The instrument traded, e.g. <c>ORCL</c>.</summary>
    string Symbol { get; }

    /// <summary>Cash available, quote currency.</summary>
    decimal Cash { get; }

    /// <summary>Units held (0 or more: long only).</summary>
    decimal Position { get; }

    /// <summary>
    /// Increases by one for each fill applied: <see cref="Cash"/> and <see cref="Position"/> change only when it does,
    /// so the engine values its equity curve only then.
    /// </summary>
    int FillCount { get; }

    /// <summary>Every order placed through the venue, rejected ones included, in the order placed.</summary>
    IReadOnlyList<Order> Orders { get; }

    /// <summary>The orders that may still fill, in the order placed.</summary>
    IReadOnlyList<Order> WorkingOrders { get; }

    /// <summary>
    /// The round trips the venue has booked, oldest first: a simulated venue books every one; a venue whose fills are
    /// someone else's (an exchange) books none, so events there carry no realized P&amp;L.
    /// </summary>
    IReadOnlyList<ClosedTrade> Trades { get; }

    /// <summary>
    /// Step 1 of a bar: applies what happened to the working orders up to the end of <paramref name="bar"/> (number
    /// <paramref name="barIndex"/>, from 0) and appends every order whose status changed to <paramref name="changed"/>, in
    /// the order the changes happened. A simulated venue matches its orders against the bar; a remote venue hands over the
    /// reports it fetched before the bar, and the acknowledgements of cancels and sends since the last call.
    /// </summary>
    void Update(in Bar bar, int barIndex, List<Order> changed);

    /// <summary>
    /// Places an order on bar <paramref name="barIndex"/>, at <paramref name="time"/> (that bar's time); it can fill from
    /// the next bar on. Returns the order <see cref="OrderStatus.Working"/>, or <see cref="OrderStatus.Rejected"/> with
    /// its <see cref="Order.Reason"/>: <paramref name="refusal"/> when given (the risk guard's), else the venue's own (not
    /// enough cash at <paramref name="referencePrice"/>, more than the position, a quantity not above zero, an order the
    /// market cannot take). Either way the order is listed in <see cref="Orders"/>. A remote venue queues a working order
    /// and sends it after the bar; if the market then refuses it, it comes back rejected through <see cref="Update"/>.
    /// </summary>
    /// <param name="request">What was asked for (type, prices, validity, bracket).</param>
    /// <param name="quantity">Units, already sized.</param>
    /// <param name="role"><see cref="OrderRole.Strategy"/>, or <see cref="OrderRole.Operator"/> for the operator's close-all.</param>
    /// <param name="barIndex">Index of the current bar, from 0 (−1 before the first bar).</param>
    /// <param name="time">Time of the current bar.</param>
    /// <param name="referencePrice">The price the order is expected to trade near: its limit or stop, else the last close.</param>
    /// <param name="refusal">Null to let the venue decide; otherwise the order is rejected with this reason.</param>
    Order Place(OrderRequest request, decimal quantity, OrderRole role, int barIndex, DateTime time, decimal referencePrice, string? refusal);

    /// <summary>
    /// Cancels a working order. False when it is no longer working. True when it is cancelled now (its status is
    /// <see cref="OrderStatus.Cancelled"/>) or when the cancel was sent for (its status stays
    /// <see cref="OrderStatus.Working"/> until <see cref="Update"/> reports the outcome, which may also be a fill).
    /// </summary>
    bool Cancel(Order order, string reason);
}
