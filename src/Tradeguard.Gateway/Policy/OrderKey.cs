namespace Tradeguard.Gateway.Policy;

/// <summary>
/// An order's identity at the exchange: Binance numbers orders per symbol (<c>orderId</c> 1 exists once in every
/// symbol), so an order id alone names no order; the symbol and the id together do.
/// </summary>
/// <param name="Symbol">The symbol, e.g. <c>BTCUSDT</c>.</param>
/// <param name="OrderId">The exchange's order id within that symbol.</param>
public readonly record struct OrderKey(string Symbol, long OrderId);
