namespace Tradeguard.Trading.Broker;

/// <summary>
/// An order that breaks one of an <see cref="Instrument"/>'s rules: which exchange filter, and why in words.
/// </summary>
/// <param name="Filter">
/// Binance's filter type as exchangeInfo names it: <c>LOT_SIZE</c>, <c>PRICE_FILTER</c> or <c>NOTIONAL</c>; the exchange
/// answers such an order -1013 "Filter failure: " followed by this name (errors.md of binance/binance-spot-api-docs).
/// </param>
/// <param name="Reason">The broken rule with the order's numbers, e.g. <c>notional 4.2 is below the minimum 5</c>.</param>
public sealed record FilterFailure(string Filter, string Reason)
{
    /// <summary>The reason followed by the filter, e.g. <c>notional 4.2 is below the minimum 5 (NOTIONAL)</c>.</summary>
    public override string ToString() => $"{Reason} ({Filter})";
}
