namespace Tradeguard.Trading.Events;

/// <summary>A sink that calls a delegate, for printers and tests.</summary>
/// <param name="handler">Called with each event.</param>
public sealed class DelegateEventSink(Action<TradingEvent> handler) : ITradingEventSink
{
    /// <inheritdoc />
    public void Publish(TradingEvent tradingEvent) => handler(tradingEvent);
}
