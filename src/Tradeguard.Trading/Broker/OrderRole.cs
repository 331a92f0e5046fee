namespace Tradeguard.Trading.Broker;

/// <summary>Why an order exists: placed by the strategy, or attached by the broker to protect a position.</summary>
public enum OrderRole
{
    /// <summary>Placed by the strategy.</summary>
    Strategy,

    /// <summary>The stop-loss of a bracket (a sell stop under a long position; trailing when the bracket says so).</summary>
    StopLoss,

    /// <summary>The take-profit of a bracket (a sell limit above a long position).</summary>
    TakeProfit,
}
