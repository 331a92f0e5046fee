using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Broker;

/// <summary>
/// The paper broker and its portfolio as a venue: backtests run against it, and the local exchange sandbox places the
/// orders it receives over REST on it and matches them bar by bar, so both use exactly the fill rules of
/// <see cref="PaperBroker"/> (no second implementation of fills, brackets or order states exists). Not thread-safe:
/// callers serialise access.
/// </summary>
public sealed class PaperVenue : IVenue
{
    private readonly PaperBroker broker;
    private readonly Bracket? defaultBracket;

    /// <summary>Creates a venue for one symbol.</summary>
    /// <param name="symbol">The instrument traded.</param>
    /// <param name="cash">Starting cash, quote currency.</param>
    /// <param name="commission">Commission per fill.</param>
    /// <param name="slippage">Slippage per fill.</param>
    /// <param name="defaultBracket">Protective exits attached to a filled buy that asked for none; null attaches none.</param>
    public PaperVenue(string symbol, decimal cash, CommissionModel commission, SlippageModel slippage, Bracket? defaultBracket = null)
    {
        Portfolio = new Portfolio(symbol, cash);
        broker = new PaperBroker(Portfolio, commission, slippage);
        this.defaultBracket = defaultBracket;
    }

    /// <summary>Cash, position, commission paid and closed trades.</summary>
    public Portfolio Portfolio { get; }

    /// <inheritdoc />
    public string Symbol => Portfolio.Symbol;

    /// <inheritdoc />
    public decimal Cash => Portfolio.Cash;

    /// <inheritdoc />
    public decimal Position => Portfolio.Position;

    /// <inheritdoc />
    public int FillCount => Portfolio.FillCount;

    /// <inheritdoc />
    public IReadOnlyList<Order> Orders => broker.Orders;

    /// <inheritdoc />
    public IReadOnlyList<Order> WorkingOrders => broker.WorkingOrders;

    /// <inheritdoc />
    public IReadOnlyList<ClosedTrade> Trades => Portfolio.Trades;

    /// <inheritdoc />
    public void Update(in Bar bar, int barIndex, List<Order> changed) => broker.Process(bar, barIndex, changed, defaultBracket);

    /// <inheritdoc />
    public Order Place(OrderRequest request, decimal quantity, OrderRole role, int barIndex, DateTime time, decimal referencePrice, string? refusal) =>
        broker.Place(Portfolio.Symbol, request, quantity, role, barIndex, time, referencePrice, rejection: refusal);

    /// <inheritdoc />
    public bool Cancel(Order order, string reason) => broker.Cancel(order, reason);
}
