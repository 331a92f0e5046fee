namespace Tradeguard.Trading.Broker;

/// <summary>
/// An order the broker knows about, with its state. Only the broker changes it; strategies and reports read it.
/// </summary>
public sealed class Order
{
    // A run keeps every order, so a million-bar backtest holds ~150 000 of them: the layout is kept tight. The
    // immutable terms stay in the (often shared) request, and the fill and parent fields use sentinels behind the
    // nullable properties instead of nullable fields.
    private const int NotFilled = -1;
    private readonly OrderRequest request;
    private readonly long parentId;
    private decimal stopPrice;
    private decimal fillPrice;
    private DateTime filledAt;
    private int filledAtBar = NotFilled;

    internal Order(long id, string symbol, OrderRequest request, decimal quantity, OrderRole role, int placedAtBar, DateTime placedAt, long? parentId = null)
    {
        Id = id;
        Symbol = symbol;
        this.request = request;
        Quantity = quantity;
        stopPrice = request.StopPrice.GetValueOrDefault();
        Role = role;
        PlacedAtBar = placedAtBar;
        PlacedAt = placedAt;
        this.parentId = parentId.GetValueOrDefault();
    }

    /// <summary>Run-unique id, increasing from 1.</summary>
    public long Id { get; }

    /// <summary>The instrument.</summary>
    public string Symbol { get; }

    /// <summary>Buy or sell.</summary>
    public OrderSide Side => request.Side;

    /// <summary>How the fill price is found.</summary>
    public OrderType Type => request.Type;

    /// <summary>Units to trade.</summary>
    public decimal Quantity { get; }

    /// <summary>Limit price, quote currency per unit.</summary>
    public decimal? LimitPrice => request.LimitPrice;

    /// <summary>Stop price, quote currency per unit (for a trailing stop-loss, the current level).</summary>
    public decimal? StopPrice => request.StopPrice is null ? null : stopPrice;

    /// <summary>How long it works.</summary>
    public OrderValidity Validity => request.Validity ?? OrderValidity.GoodTillCancelled;

    /// <summary>The protective exits to attach when this buy fills.</summary>
    public Bracket? Bracket => request.Bracket;

    /// <summary>Placed by the strategy or attached by the broker.</summary>
    public OrderRole Role { get; }

    /// <summary>The order this protective order guards (the filled buy); null for strategy orders.</summary>
    public long? ParentId => parentId == 0 ? null : parentId;

    /// <summary>Index of the bar on which it was placed.</summary>
    public int PlacedAtBar { get; }

    /// <summary>Time of the bar on which it was placed.</summary>
    public DateTime PlacedAt { get; }

    /// <summary>Current status.</summary>
    public OrderStatus Status { get; internal set; } = OrderStatus.Working;

    /// <summary>Fill price (after slippage), quote currency per unit; null until filled.</summary>
    public decimal? FillPrice => filledAtBar == NotFilled ? null : fillPrice;

    /// <summary>Time of the bar it filled on; null until filled.</summary>
    public DateTime? FilledAt => filledAtBar == NotFilled ? null : filledAt;

    /// <summary>Index of the bar it filled on; null until filled.</summary>
    public int? FilledAtBar => filledAtBar == NotFilled ? null : filledAtBar;

    /// <summary>Commission charged on the fill, quote currency.</summary>
    public decimal Commission { get; private set; }

    /// <summary>Why it was rejected, cancelled or expired; null otherwise.</summary>
    public string? Reason { get; internal set; }

    /// <summary>
    /// For a stop-limit order: the stop has been reached, so from now on it works as a plain limit order and the stop
    /// is not tested again (backtrader's <c>order.triggered</c>).
    /// </summary>
    public bool IsTriggered { get; internal set; }

    /// <summary>True while it may still fill.</summary>
    public bool IsWorking => Status == OrderStatus.Working;

    /// <summary>The order's id and status only: fill prices and quantities are left out of logs by default.</summary>
    public override string ToString() => $"order {Id} ({Side} {Type}, {Status})";

    /// <summary>Records the fill: the order is <see cref="OrderStatus.Filled"/> at <paramref name="price"/> on bar <paramref name="bar"/> (at <paramref name="time"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bar"/> is negative.</exception>
    internal void MarkFilled(decimal price, decimal commission, DateTime time, int bar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bar);
        Status = OrderStatus.Filled;
        fillPrice = price;
        Commission = commission;
        filledAt = time;
        filledAtBar = bar;
    }

    /// <summary>Ends a working order without a fill: rejected, cancelled or expired, with the reason.</summary>
    internal void Close(OrderStatus status, string reason) => (Status, Reason) = (status, reason);

    /// <summary>Moves a trailing stop to <paramref name="level"/>; only orders placed with a stop price have one.</summary>
    internal void MoveStop(decimal level) => stopPrice = request.StopPrice is null
        ? throw new InvalidOperationException($"{this} has no stop price to move")
        : level;
}
