namespace Tradeguard.Exchange.Sandbox;

/// <summary>How the sandbox listens and limits.</summary>
public sealed record SandboxOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one. The sandbox never listens on another address.</summary>
    public int Port { get; init; }

    /// <summary>Request weight allowed per minute before 429 (Binance Spot: 6000).</summary>
    public int WeightLimitPerMinute { get; init; } = 6000;

    /// <summary>The server clock for timestamps and recvWindow (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long a price or order request made before the first bar closed waits for it (<see cref="ReplayMarket.AwaitOpen"/>);
    /// null (the default) answers "market closed" at once, for a market its owner advances by hand.
    /// </summary>
    public TimeSpan? FirstBarWait { get; init; }
}
