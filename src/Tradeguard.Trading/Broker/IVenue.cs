using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Broker;

/// <summary>
/// Where a <see cref="TradingRun"/> sends its orders and learns what became of them: the seam between the one engine
/// loop and a market. <see cref="PaperBroker"/> simulates fills (backtests, and the exchange sandbox's matching); the
/// exchange venue in Tradeguard.Exchange sends orders to an exchange, which acknowledges and fills them asynchronously.
/// </summary>
/// <remarks>
/// The engine calls a venue from one thread: per bar <see cref="Update"/> once, then <see cref="Place"/> and
/// <see cref="Cancel"/> while the strategy runs. A remote venue does its I/O around the step (reports before it, sends
/// after it), so these calls never block and never throw for market reasons: a refused order comes back rejected, with
/// the reason. Prices are quote currency per unit, quantities units, cash quote currency, all <see cref="decimal"/>.
/// Orders are created and changed only by Trading and the venue assemblies it names (InternalsVisibleTo), never by
/// strategy code (docs/trading.md, "Venues").
/// </remarks>
public interface IVenue
{
    /// <summary>The instrument traded, e.g. <c>ORCL</c>.</summary>
    string Symbol { get; }

    /// <summary>Cash available, quote currency.</summary>
    decimal Cash { get; }

    /// <summary>Units held: above 0 long, below 0 short (only a venue that allows short selling goes below 0).</summary>
    decimal Position { get; }

    /// <summary>
    /// Futures-like contracts (<see cref="ContractTerms"/>): the price the position's P&amp;L was last settled into
    /// <see cref="Cash"/> at. Stock-like venues, whose value needs no settlement, keep the default 0.
    /// </summary>
    decimal SettlementPrice => 0m;

    /// <summary>+1 per fill applied: <see cref="Cash"/> and <see cref="Position"/> change only when it does.</summary>
    int FillCount { get; }

    /// <summary>Every order placed through the venue, rejected ones included, in the order placed.</summary>
    IReadOnlyList<Order> Orders { get; }

    /// <summary>The orders that may still fill, in the order placed.</summary>
    IReadOnlyList<Order> WorkingOrders { get; }

    /// <summary>Round trips booked, oldest first; a venue whose fills are an exchange's books none (no realized P&amp;L then).</summary>
    IReadOnlyList<ClosedTrade> Trades { get; }

    /// <summary>
    /// Step 1 of a bar: applies what happened to the working orders up to the end of <paramref name="bar"/> (number
    /// <paramref name="barIndex"/>, from 0) and appends each order whose status changed to <paramref name="changed"/>,
    /// in order. A simulated venue matches against the bar; a remote one hands over the reports fetched before the bar
    /// and the outcomes of the cancels and sends since the last call.
    /// </summary>
    void Update(in Bar bar, int barIndex, List<Order> changed);

    /// <summary>
    /// Places an order on bar <paramref name="barIndex"/> (−1 before the first bar) at <paramref name="time"/>; it can fill
    /// from the next bar on. Returns it <see cref="OrderStatus.Working"/>, or <see cref="OrderStatus.Rejected"/> with
    /// <paramref name="refusal"/> (the risk guard's) or the venue's own reason (cash at <paramref name="referencePrice"/>,
    /// more than the position, a quantity not above zero, a type the market lacks); listed in <see cref="Orders"/> either
    /// way. A remote venue sends it after the step; a refusal by the market then comes back through <see cref="Update"/>.
    /// </summary>
    /// <param name="request">What was asked for (type, prices, validity, bracket).</param>
    /// <param name="quantity">Units, already sized.</param>
    /// <param name="role"><see cref="OrderRole.Strategy"/>, or <see cref="OrderRole.Operator"/> for the operator's close-all.</param>
    /// <param name="barIndex">Index of the current bar.</param>
    /// <param name="time">Time of the current bar.</param>
    /// <param name="referencePrice">The price it should trade near: its limit or stop, else the last close.</param>
    /// <param name="refusal">Null to let the venue decide; otherwise the order is rejected with this reason.</param>
    Order Place(OrderRequest request, decimal quantity, OrderRole role, int barIndex, DateTime time, decimal referencePrice, string? refusal);

    /// <summary>
    /// Cancels a working order: false when it is no longer working; true when cancelled now (status
    /// <see cref="OrderStatus.Cancelled"/>) or asked for (status stays <see cref="OrderStatus.Working"/> until
    /// <see cref="Update"/> reports the outcome, which may be a fill).
    /// </summary>
    bool Cancel(Order order, string reason);
}
