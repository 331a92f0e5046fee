namespace Tradeguard.Trading.Events;

/// <summary>What happened. Each kind is one high-level alert line (see <see cref="TradingEvent.Headline"/>).</summary>
public enum TradingEventKind
{
    /// <summary>A run began.</summary>
    RunStarted,

    /// <summary>A run ended (all bars seen, or stopped).</summary>
    RunFinished,

    /// <summary>An order passed the risk guard and the broker accepted it.</summary>
    OrderSubmitted,

    /// <summary>An order filled.</summary>
    OrderFilled,

    /// <summary>An order was refused by the risk guard or the broker.</summary>
    OrderRejected,

    /// <summary>A working order was cancelled.</summary>
    OrderCancelled,

    /// <summary>A working order's validity ran out.</summary>
    OrderExpired,

    /// <summary>A position's stop-loss filled.</summary>
    StopLossTriggered,

    /// <summary>A position's take-profit filled.</summary>
    TakeProfitHit,

    /// <summary>A risk limit refused an order, or the daily-loss limit engaged the kill switch.</summary>
    RiskLimitHit,

    /// <summary>The operator stopped the run (the kill switch): said once; orders it then refuses are not announced one by one.</summary>
    StoppedByOperator,

    /// <summary>The run ended on an error (an exchange gone or refusing, a ban) rather than on request; the reason is in the details.</summary>
    RunFailed,
}
