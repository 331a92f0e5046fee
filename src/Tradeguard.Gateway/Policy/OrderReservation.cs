namespace Tradeguard.Gateway.Policy;

/// <summary>
/// A new order's quantity held against its bot's limits from the moment the policy admitted it until the exchange's
/// answer settles it (<see cref="BotLedger.Settle"/>) or refuses it (<see cref="BotLedger.Release"/>). While held it
/// counts as a working order, so concurrent orders of one bot are checked against each other.
/// </summary>
/// <param name="Id">The ledger's number for it.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side"><c>BUY</c> or <c>SELL</c>.</param>
/// <param name="Type">The Binance order type.</param>
/// <param name="Quantity">Base quantity held: the ordered quantity, or for <c>quoteOrderQty</c> the quote amount at the last price.</param>
public sealed record OrderReservation(long Id, string Symbol, string Side, string Type, decimal Quantity);
