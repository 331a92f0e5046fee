namespace Tradeguard.Exchange.Sandbox;

/// <summary>How the sandbox listens and limits.</summary>
public sealed record SandboxOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one. The sandbox never listens on another address.</summary>
    public int Port { get; init; }

    /// <summary>Request weight allowed per minute before 429 (Binance Spot: 6000).</summary>
    public int WeightLimitPerMinute { get; init; } = 6000;

    /// <summary>
    /// The interval of the replayed bars, the one <c>/api/v3/klines</c> serves (another valid interval is answered
    /// -1120, as an unknown one is); <c>1d</c> by default.
    /// </summary>
    public Models.KlineInterval Interval { get; init; } = Models.KlineInterval.OneDay;

    /// <summary>
    /// The symbol's LOT_SIZE, PRICE_FILTER and NOTIONAL rules, published in exchangeInfo and enforced on every new order
    /// (-1013 "Filter failure: …"); by default 10^-8 steps and no minimum notional. A maximum left at 0 is published and
    /// enforced as <see cref="DefaultMaxQuantity"/>, <see cref="DefaultMaxPrice"/> or <see cref="DefaultMaxNotional"/>.
    /// </summary>
    public Trading.Broker.Instrument Filters { get; init; } = new(0.00000001m, 0.00000001m, 0);

    /// <summary>LOT_SIZE.maxQty when <see cref="Filters"/> sets none, units.</summary>
    public const decimal DefaultMaxQuantity = 1_000_000_000m;

    /// <summary>PRICE_FILTER.maxPrice when <see cref="Filters"/> sets none, quote currency per unit.</summary>
    public const decimal DefaultMaxPrice = 1_000_000_000m;

    /// <summary>NOTIONAL.maxNotional when <see cref="Filters"/> sets none, quote currency (Binance's BTCUSDT publishes 9,000,000).</summary>
    public const decimal DefaultMaxNotional = 9_000_000m;

    /// <summary>The rules exchangeInfo publishes and new orders are held to: <see cref="Filters"/> with every maximum set.</summary>
    internal Trading.Broker.Instrument PublishedFilters => Filters with
    {
        MaxQuantity = Filters.MaxQuantity > 0 ? Filters.MaxQuantity : DefaultMaxQuantity,
        MaxPrice = Filters.MaxPrice > 0 ? Filters.MaxPrice : DefaultMaxPrice,
        MaxNotional = Filters.MaxNotional > 0 ? Filters.MaxNotional : DefaultMaxNotional,
    };

    /// <summary>The server clock for timestamps and recvWindow (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long a price or order request made before the first bar closed waits for it (<see cref="ReplayMarket.AwaitOpen"/>);
    /// null (the default) answers "market closed" at once, for a market its owner advances by hand.
    /// </summary>
    public TimeSpan? FirstBarWait { get; init; }
}
