using Tradeguard.Trading.Broker;

namespace Tradeguard.Exchange.State;

/// <summary>
/// What a strategy run on an exchange must remember across restarts (JSON, camelCase; docs/exchange.md, "Run state").
/// Holds no secret: order ids, the last candle seen, operator switches and the last known balances.
/// </summary>
public sealed record RunState
{
    /// <summary>The format version; 1.</summary>
    public int Version { get; set; } = 1;

    /// <summary><c>paper</c> or <c>live</c>: a file is only ever read by a run of the same mode.</summary>
    public required string Mode { get; init; }

    /// <summary>The run's name (the state file's name without <c>.json</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The trading pair.</summary>
    public required string Symbol { get; init; }

    /// <summary>The random part of every <c>newClientOrderId</c> (<c>tg-&lt;tag&gt;-&lt;n&gt;</c>), kept so ids stay unique after a restart.</summary>
    public required string RunTag { get; init; }

    /// <summary>The next client-side order number.</summary>
    public long NextOrderId { get; set; } = 1;

    /// <summary>The first exchange trade id not yet applied to the position.</summary>
    public long NextTradeId { get; set; } = 1;

    /// <summary>Open time of the last candle the strategy saw, Unix milliseconds; 0 when none.</summary>
    public long LastOpenTime { get; init; }

    /// <summary>Candles seen since the run first started.</summary>
    public int BarsSeen { get; init; }

    /// <summary>Equity at the first candle, quote currency; the base of the reported P&amp;L. Null before the first candle.</summary>
    public decimal? StartEquity { get; init; }

    /// <summary>Units of the base asset held when the state was written.</summary>
    public decimal Position { get; init; }

    /// <summary>Free quote asset when the state was written, quote currency.</summary>
    public decimal Cash { get; init; }

    /// <summary>True while the operator has paused new orders.</summary>
    public bool Paused { get; init; }

    /// <summary>Why the operator's kill switch is engaged; null when it is not. It stays engaged across restarts.</summary>
    public string? Halted { get; init; }

    /// <summary>Orders sent to the exchange that were still working.</summary>
    public IReadOnlyList<WorkingOrder> WorkingOrders { get; set; } = [];

    /// <summary>When the state was written (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A working order as the runner tracks it: its client-side id and request, and the exchange's id.</summary>
/// <param name="Id">Client-side id.</param>
/// <param name="ExchangeOrderId">The exchange's <c>orderId</c>.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, limit, stop or stop-limit.</param>
/// <param name="Quantity">Units.</param>
/// <param name="LimitPrice">Limit price, quote currency; null for market and stop orders.</param>
/// <param name="StopPrice">Stop price, quote currency; null for market and limit orders.</param>
/// <param name="PlacedAt">Open time of the candle it was placed on (UTC).</param>
/// <param name="ByOperator">True for an operator's close-all order (its updates are not told to the strategy).</param>
public sealed record WorkingOrder(long Id, long ExchangeOrderId, OrderSide Side, OrderType Type, decimal Quantity, decimal? LimitPrice,
    decimal? StopPrice, DateTime PlacedAt, bool ByOperator);
