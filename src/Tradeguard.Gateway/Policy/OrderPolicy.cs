using System.Globalization;
using Tradeguard.Exchange.Binance;
using Tradeguard.Gateway.Config;
using Tradeguard.Gateway.Control;

namespace Tradeguard.Gateway.Policy;

/// <summary>
/// Decides whether a bot's new order may go to the exchange, in this order: the operator's control (paused or
/// stopped), symbol, order type, notional, position, daily loss, and last the per-minute rate (which takes a slot
/// only for an order that passed everything else). A refusal is a Binance-shaped error naming the limit and its value,
/// so the bot's client library reports it as an ordinary exchange refusal: -2010 NEW_ORDER_REJECTED, or -1015
/// TOO_MANY_ORDERS for the rate.
/// </summary>
public static class OrderPolicy
{
    /// <summary>Prefix of every refusal message, so an operator reading the bot's log knows who refused.</summary>
    public const string Prefix = "Tradeguard gateway: ";

    /// <summary>
    /// Checks <paramref name="ticket"/> and, when it may be sent, reserves its quantity in <paramref name="ledger"/>, both
    /// at once (<see cref="BotLedger.Reserve"/>): however many orders of the bot arrive together, each is checked against
    /// the position, working orders and reservations of the ones admitted before it. The caller settles or releases the
    /// reservation with the exchange's answer.
    /// </summary>
    /// <param name="policy">The bot's limits.</param>
    /// <param name="state">The operator's control of the bot (read under the ledger's lock).</param>
    /// <param name="ledger">The bot's orders, position and P&amp;L as the gateway saw them.</param>
    /// <param name="ticket">The order.</param>
    /// <param name="lastPrice">The market's last price, quote per unit, when <see cref="OrderTicket.NeedsMarketPrice"/>; else 0.</param>
    /// <param name="clientOrderId">The gateway's <c>newClientOrderId</c> for the order (<see cref="ClientOrderIds.New"/>).</param>
    /// <param name="acceptableUntilUnixMs">The request's timestamp plus recvWindow, Unix ms (<see cref="OrderReservation.AcceptableUntilUnixMs"/>).</param>
    /// <returns>The reservation, or the refusal.</returns>
    public static (OrderReservation? Reservation, BinanceError? Refusal) Admit(BotPolicyConfig policy, Func<BotRunState> state, BotLedger ledger, OrderTicket ticket,
        decimal lastPrice, string clientOrderId, long acceptableUntilUnixMs)
    {
        var price = ticket.ValuationPrice(lastPrice);
        var quantity = ticket.Quantity ?? (price > 0 ? ticket.QuoteQuantity!.Value / price : 0); // no price: a symbol the check refuses
        var notional = ticket.QuoteQuantity ?? quantity * price;
        return ledger.Reserve(ticket.Symbol, ticket.Side, ticket.Type, quantity, () => Check(policy, state(), ledger, ticket, quantity, notional),
            clientOrderId, ticket.ClientOrderId, acceptableUntilUnixMs);
    }

    private static BinanceError? Check(BotPolicyConfig policy, BotRunState state, BotLedger ledger, OrderTicket ticket, decimal quantity, decimal notional)
    {
        if (state != BotRunState.Running)
        {
            return Refuse($"bot {ledger.Bot} is {(state == BotRunState.Paused ? "paused" : "stopped (kill switch)")} by the operator; no new orders are accepted.");
        }

        if (!policy.Symbols!.Contains(ticket.Symbol, StringComparer.Ordinal))
        {
            return Refuse($"symbol {ticket.Symbol} is not in this bot's allowed symbols ({string.Join(", ", policy.Symbols!)}).");
        }

        if (!policy.OrderTypes.Contains(ticket.Type, StringComparer.Ordinal))
        {
            return Refuse($"order type {ticket.Type} is not in this bot's allowed order types ({string.Join(", ", policy.OrderTypes)}).");
        }

        if (notional > policy.MaxOrderNotional)
        {
            return Refuse($"order notional {Amount(notional)} is over this bot's maxOrderNotional {Amount(policy.MaxOrderNotional!.Value)}.");
        }

        var (position, workingBuys, workingSells) = ledger.Exposure(ticket.Symbol);
        if (ticket.IsBuy && position + workingBuys + quantity > policy.MaxPosition)
        {
            return Refuse($"position {Amount(position + workingBuys + quantity)} {ticket.Symbol} (held, working buys and this order) would be over this bot's maxPosition {Amount(policy.MaxPosition!.Value)}.");
        }

        if (!ticket.IsBuy && quantity > position - workingSells)
        {
            return Refuse($"selling {Amount(quantity)} {ticket.Symbol} is more than this bot's position {Amount(Math.Max(0, position - workingSells))} as the gateway saw it (not counting working sells).");
        }

        if (-ledger.PnlToday() >= policy.MaxDailyLoss)
        {
            return Refuse($"today's realised loss {Amount(-ledger.PnlToday())} reached this bot's maxDailyLoss {Amount(policy.MaxDailyLoss!.Value)}.");
        }

        return ledger.TryTakeOrderSlot(policy.MaxOrdersPerMinute) ? null : BinanceErrors.TooManyOrders(policy.MaxOrdersPerMinute, "MINUTE");
    }

    private static BinanceError Refuse(string reason) => BinanceErrors.OrderRejected(Prefix + reason);

    private static string Amount(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
