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
    /// The symbol's LOT_SIZE step, PRICE_FILTER tick and NOTIONAL minimum that exchangeInfo publishes (the replay's
    /// paper broker does not enforce them); by default 10^-8 steps and no minimum.
    /// </summary>
    public Trading.Broker.Instrument Filters { get; init; } = new(0.00000001m, 0.00000001m, 0);

    /// <summary>The server clock for timestamps and recvWindow (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long a price or order request made before the first bar closed waits for it (<see cref="ReplayMarket.AwaitOpen"/>);
    /// null (the default) answers "market closed" at once, for a market its owner advances by hand.
    /// </summary>
    public TimeSpan? FirstBarWait { get; init; }
}
