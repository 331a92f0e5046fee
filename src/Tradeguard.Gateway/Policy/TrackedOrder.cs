namespace Tradeguard.Gateway.Policy;

/// <summary>An order a bot placed through the gateway, as the gateway last saw it.</summary>
/// <param name="OrderId">The exchange's order id.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side"><c>BUY</c> or <c>SELL</c>.</param>
/// <param name="Type">The Binance order type.</param>
/// <param name="Quantity">Ordered base quantity.</param>
/// <param name="Executed">Filled base quantity so far.</param>
/// <param name="ExecutedQuote">Filled quote amount so far (<c>cummulativeQuoteQty</c>).</param>
/// <param name="Status">Binance status: <c>NEW</c>, <c>PARTIALLY_FILLED</c>, <c>FILLED</c>, <c>CANCELED</c>, <c>REJECTED</c>, <c>EXPIRED</c>,
/// <c>EXPIRED_IN_MATCH</c>, …; empty when the exchange's answer did not say (an <c>ACK</c>-shaped answer).</param>
/// <param name="ClientOrderId">The id the bot gave the order (its <c>newClientOrderId</c>; the exchange knows the gateway's own), or null.</param>
public sealed record TrackedOrder(long OrderId, string Symbol, string Side, string Type, decimal Quantity, decimal Executed, decimal ExecutedQuote, string Status,
    string? ClientOrderId = null)
{
    /// <summary>The order's identity at the exchange.</summary>
    public OrderKey Key => new(Symbol, OrderId);

    /// <summary>
    /// True until the exchange said the order is done: only the final statuses (<c>FILLED</c>, <c>CANCELED</c>,
    /// <c>REJECTED</c>, <c>EXPIRED</c>, <c>EXPIRED_IN_MATCH</c>; binance-spot-api-docs enums.md "Order status") end it. A status
    /// the gateway does not know, or none, counts as working, so it keeps counting against the bot's limits.
    /// </summary>
    public bool IsWorking => Status is not ("FILLED" or "CANCELED" or "REJECTED" or "EXPIRED" or "EXPIRED_IN_MATCH");

    /// <summary>Quantity still to fill while working; 0 once done.</summary>
    public decimal Remaining => IsWorking ? Math.Max(0, Quantity - Executed) : 0;
}

/// <summary>A fill the gateway saw: part of an order executed since it last looked.</summary>
/// <param name="Bot">The bot.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side"><c>BUY</c> or <c>SELL</c>.</param>
/// <param name="Quantity">Base quantity filled.</param>
/// <param name="Price">Average price of this fill, quote per unit.</param>
/// <param name="RealizedPnl">Profit or loss the fill realised (sells, against the average cost), quote currency.</param>
public sealed record ObservedFill(string Bot, long OrderId, string Symbol, string Side, decimal Quantity, decimal Price, decimal RealizedPnl);
