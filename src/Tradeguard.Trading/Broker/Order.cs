namespace Tradeguard.Trading.Broker;

/// <summary>
/// An order the broker knows about, with its state. Only the broker changes it; strategies and reports read it.
/// </summary>
public sealed class Order
{
    internal Order(long id, string symbol, OrderRequest request, decimal quantity, OrderRole role, int placedAtBar, DateTime placedAt)
    {
        Id = id;
        Symbol = symbol;
        Side = request.Side;
        Type = request.Type;
        Quantity = quantity;
        LimitPrice = request.LimitPrice;
        StopPrice = request.StopPrice;
        Validity = request.Validity ?? OrderValidity.GoodTillCancelled;
        Bracket = request.Bracket;
        Role = role;
        PlacedAtBar = placedAtBar;
        PlacedAt = placedAt;
    }

    /// <summary>Run-unique id, increasing from 1.</summary>
    public long Id { get; }

    /// <summary>The instrument.</summary>
    public string Symbol { get; }

    /// <summary>Buy or sell.</summary>
    public OrderSide Side { get; }

    /// <summary>How the fill price is found.</summary>
    public OrderType Type { get; }

    /// <summary>Units to trade.</summary>
    public decimal Quantity { get; }

    /// <summary>Limit price, quote currency per unit.</summary>
    public decimal? LimitPrice { get; }

    /// <summary>Stop price, quote currency per unit (for a trailing stop-loss, the current level).</summary>
    public decimal? StopPrice { get; internal set; }

    /// <summary>How long it works.</summary>
    public OrderValidity Validity { get; }

    /// <summary>The protective exits to attach when this buy fills.</summary>
    public Bracket? Bracket { get; }

    /// <summary>Placed by the strategy or attached by the broker.</summary>
    public OrderRole Role { get; }

    /// <summary>The order this protective order guards (the filled buy); null for strategy orders.</summary>
    public long? ParentId { get; internal init; }

    /// <summary>Index of the bar on which it was placed.</summary>
    public int PlacedAtBar { get; }

    /// <summary>Time of the bar on which it was placed.</summary>
    public DateTime PlacedAt { get; }

    /// <summary>Current status.</summary>
    public OrderStatus Status { get; internal set; } = OrderStatus.Working;

    /// <summary>Fill price (after slippage), quote currency per unit; null until filled.</summary>
    public decimal? FillPrice { get; internal set; }

    /// <summary>Time of the bar it filled on; null until filled.</summary>
    public DateTime? FilledAt { get; internal set; }

    /// <summary>Index of the bar it filled on; null until filled.</summary>
    public int? FilledAtBar { get; internal set; }

    /// <summary>Commission charged on the fill, quote currency.</summary>
    public decimal Commission { get; internal set; }

    /// <summary>Why it was rejected, cancelled or expired; null otherwise.</summary>
    public string? Reason { get; internal set; }

    /// <summary>True while it may still fill.</summary>
    public bool IsWorking => Status == OrderStatus.Working;

    /// <summary>The order's id and status only: fill prices and quantities are left out of logs by default.</summary>
    public override string ToString() => $"order {Id} ({Side} {Type}, {Status})";
}
