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
public sealed record OrderTicket(string Symbol, string Side, string Type, decimal? Quantity, decimal? QuoteQuantity, decimal? Price, decimal? StopPrice)
{
    /// <summary>True for a buy.</summary>
    public bool IsBuy => Side == "BUY";

    /// <summary>Parses the ticket; a Binance error (-1102 mandatory, -1100 illegal) when a parameter is missing or malformed.</summary>
    public static (OrderTicket? Ticket, BinanceError? Error) Parse(BinanceRequest request)
    {
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

        if (values[0] is null && values[1] is null)
        {
            return (null, BinanceErrors.Mandatory("quantity"));
        }

        return (new OrderTicket(symbol, side, type, values[0], values[1], values[2], values[3]), null);
    }
}
