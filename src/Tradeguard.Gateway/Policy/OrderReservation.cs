namespace Tradeguard.Gateway.Policy;

/// <summary>
/// A new order's quantity held against its bot's limits from the moment the policy admitted it until the exchange's
/// answer settles it (<see cref="BotLedger.Settle"/>) or refuses it (<see cref="BotLedger.Release"/>). While held it
/// counts as a working order, so concurrent orders of one bot are checked against each other. When the answer never
/// came (or did not name the order), the gateway asks the exchange by <see cref="ClientOrderId"/> until it knows
/// (<see cref="BotLedger.UnknownOutcomes"/>); it is kept in the ledger file meanwhile.
/// </summary>
/// <param name="Id">The ledger's number for it.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side"><c>BUY</c> or <c>SELL</c>.</param>
/// <param name="Type">The Binance order type.</param>
/// <param name="Quantity">Base quantity held: the ordered quantity, or for <c>quoteOrderQty</c> the quote amount at the last price.</param>
/// <param name="ClientOrderId">The gateway's <c>newClientOrderId</c> for the order (<see cref="ClientOrderIds.New"/>); empty for a reservation made without one.</param>
/// <param name="BotClientOrderId">The id the bot gave (its <c>newClientOrderId</c>), answered back to it; null when it gave none.</param>
/// <param name="AcceptableUntilUnixMs">When the exchange stops accepting the order, Unix ms: its <c>timestamp</c> plus
/// <c>recvWindow</c> (Binance refuses a request whose window has passed). Until then an exchange that does not know the
/// order yet may still place it, so the reservation is not released before; 0: no bound known.</param>
public sealed record OrderReservation(long Id, string Symbol, string Side, string Type, decimal Quantity, string ClientOrderId = "", string? BotClientOrderId = null,
    long AcceptableUntilUnixMs = 0);
