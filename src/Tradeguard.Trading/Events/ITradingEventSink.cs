namespace Tradeguard.Trading.Events;

/// <summary>
/// Receives every event the engine publishes, in order, on the engine's thread. The console printer, the report
/// collector and (later) the Alerts outbox implement it. A sink must not throw for a delivery problem of its own:
/// an exception from <see cref="Publish"/> stops the run.
/// </summary>
public interface ITradingEventSink
{
    /// <summary>Handles one event.</summary>
    void Publish(TradingEvent tradingEvent);
}
