using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Broker;

/// <summary>
/// The paper broker and its portfolio as a venue that something other than <see cref="TradingEngine"/> drives: the
/// local exchange sandbox places orders it receives over REST and matches them bar by bar with exactly the fill rules
/// of <see cref="PaperBroker"/> (no second implementation of fills exists). Not thread-safe: callers serialise access.
/// </summary>
public sealed class PaperVenue
{
    private readonly PaperBroker broker;
    private readonly List<Order> changed = [];

    /// <summary>Creates a venue for one symbol.</summary>
    /// <param name="symbol">The instrument traded.</param>
    /// <param name="cash">Starting cash, quote currency.</param>
    /// <param name="commission">Commission per fill.</param>
    /// <param name="slippage">Slippage per fill.</param>
    public PaperVenue(string symbol, decimal cash, CommissionModel commission, SlippageModel slippage)
    {
        Portfolio = new Portfolio(symbol, cash);
        broker = new PaperBroker(Portfolio, commission, slippage);
    }

    /// <summary>Cash, position and closed trades.</summary>
    public Portfolio Portfolio { get; }

    /// <summary>Every order placed, in order.</summary>
    public IReadOnlyList<Order> Orders => broker.Orders;

    /// <summary>Orders that may still fill.</summary>
    public IReadOnlyList<Order> WorkingOrders => broker.WorkingOrders;

    /// <summary>
    /// Places a strategy order on bar <paramref name="barIndex"/>: it first works on the next bar. The result is
    /// <see cref="OrderStatus.Working"/>, or <see cref="OrderStatus.Rejected"/> with the broker's reason (not enough
    /// cash at <paramref name="referencePrice"/>, selling more than the position, a quantity not above zero).
    /// </summary>
    public Order Place(OrderRequest request, decimal quantity, int barIndex, DateTime time, decimal referencePrice) =>
        broker.Place(Portfolio.Symbol, request, quantity, OrderRole.Strategy, barIndex, time, referencePrice);

    /// <summary>Cancels a working order; false when it is not working.</summary>
    public bool Cancel(Order order, string reason) => broker.Cancel(order, reason);

    /// <summary>Matches the working orders against bar number <paramref name="barIndex"/>; returns the orders whose status changed.</summary>
    public IReadOnlyList<Order> Process(in Bar bar, int barIndex)
    {
        changed.Clear();
        broker.Process(bar, barIndex, changed, defaultBracket: null);
        return changed.ToArray();
    }
}
