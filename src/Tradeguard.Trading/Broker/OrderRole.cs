namespace Tradeguard.Trading.Broker;

/// <summary>
/// Why an order exists: placed by the strategy, attached by the broker to protect a position, or placed by someone
/// other than this strategy instance (the strategy is not told about those).
/// </summary>
public enum OrderRole
{
    /// <summary>Placed by the strategy.</summary>
    Strategy,

    /// <summary>The stop-loss of a bracket (a sell stop under a long position; trailing when the bracket says so).</summary>
    StopLoss,

    /// <summary>The take-profit of a bracket (a sell limit above a long position).</summary>
    TakeProfit,

    /// <summary>Placed by the operator (close-all); it passes no risk check and the strategy hears nothing of it.</summary>
    Operator,

    /// <summary>Placed by an earlier run that this one resumed; the strategy counts it as working but hears nothing of it.</summary>
    Resumed,
}
