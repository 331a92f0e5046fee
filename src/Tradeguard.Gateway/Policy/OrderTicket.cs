using System.Globalization;
using Tradeguard.Exchange.Binance;

namespace Tradeguard.Gateway.Policy;

/// <summary>A new order as the bot sent it (Binance Spot <c>POST /api/v3/order</c> parameters), parsed for the policy.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side"><c>BUY</c> or <c>SELL</c>.</param>
/// <param name="Type">The Binance order type.</param>
/// <param name="Quantity">Base quantity, or null when the order gives <c>quoteOrderQty</c>.</param>
/// <param name="QuoteQuantity">Quote amount of a market order (<c>quoteOrderQty</c>), or null.</param>
/// <param name="Price">Limit price, or null.</param>
/// <param name="StopPrice">Stop price, or null.</param>
/// <param name="ClientOrderId">The bot's own id for the order (<c>newClientOrderId</c>), or null; the exchange gets the gateway's (<see cref="ClientOrderIds"/>).</param>
public sealed record OrderTicket(string Symbol, string Side, string Type, decimal? Quantity, decimal? QuoteQuantity, decimal? Price, decimal? StopPrice,
    string? ClientOrderId = null)
{
    /// <summary>True for a buy.</summary>
    public bool IsBuy => Side == "BUY";

    /// <summary>
    /// False only for a buy with a limit price, which cannot cost more than its price; every other order is valued
    /// with the market's last price (<see cref="ValuationPrice"/>).
    /// </summary>
    public bool NeedsMarketPrice => !(IsBuy && Price is not null);

    /// <summary>
    /// The price, quote per unit, the order is valued at against the bot's limits: a buy with a limit price at that
    /// price (it fills at or below it); a market order at <paramref name="lastPrice"/>, whatever else it carried; a sell
    /// or a stop at the higher of its price (or stop price) and <paramref name="lastPrice"/>, since a sell limit below
    /// the market and a stop that triggers fill at the market's price.
    /// </summary>
    /// <param name="lastPrice">The market's last price, quote per unit (0 when <see cref="NeedsMarketPrice"/> is false).</param>
    public decimal ValuationPrice(decimal lastPrice) => Type == "MARKET"
        ? lastPrice
        : IsBuy && Price is { } limit ? limit : Math.Max(Price ?? StopPrice ?? 0, lastPrice);

    /// <summary>
    /// Parses the ticket; a Binance error when a parameter is repeated (-1101), missing (-1102), malformed (-1100, also a
    /// <c>newClientOrderId</c> outside Binance's legal range), of
    /// an unknown order type (-1116), or not taken by the order type (-1106, <see cref="OrderParameters"/>).
    /// </summary>
    public static (OrderTicket? Ticket, BinanceError? Error) Parse(BinanceRequest request)
    {
        // Binance refuses a parameter sent twice; the gateway reads one value and must not forward another.
        if (request.Values.FirstOrDefault(v => v.Value.Count > 1).Key is { } repeated)
        {
            return (null, BinanceErrors.DuplicateParameter(repeated));
        }

        var symbol = request.Single("symbol");
        var side = request.Single("side");
        var type = request.Single("type");
        if (symbol is null)
        {
            return (null, BinanceErrors.Mandatory("symbol"));
        }

        if (side is not ("BUY" or "SELL"))
        {
            return (null, BinanceErrors.Mandatory("side"));
        }

        if (type is null)
        {
            return (null, BinanceErrors.Mandatory("type"));
        }

        if (OrderParameters.Check(type, request) is { } misfit)
        {
            return (null, misfit);
        }

        var values = new decimal?[4];
        string[] names = ["quantity", "quoteOrderQty", "price", "stopPrice"];
        for (var i = 0; i < names.Length; i++)
        {
            if (!request.Values.ContainsKey(names[i]))
            {
                continue;
            }

            if (!decimal.TryParse(request.Single(names[i]), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return (null, BinanceErrors.Illegal(names[i]));
            }

            values[i] = value;
        }

        var clientOrderId = request.Single("newClientOrderId");
        if (clientOrderId is not null && ClientOrderIds.Check(clientOrderId) is { } badId)
        {
            return (null, badId);
        }

        return (new OrderTicket(symbol, side, type, values[0], values[1], values[2], values[3], clientOrderId), null);
    }
}
