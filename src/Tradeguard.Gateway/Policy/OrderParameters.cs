using Tradeguard.Exchange.Binance;

namespace Tradeguard.Gateway.Policy;

/// <summary>
/// Which price and quantity parameters each Binance Spot order type takes, as Binance holds new orders to them
/// (binance-spot-api-docs rest-api.md, "New order (TRADE)", "Additional mandatory parameters based on type"): a
/// mandatory one missing is -1102, one the type does not take is -1106 "Parameter '%s' sent when not required."
/// (errors.md). The gateway refuses both before its policy values the order, so no parameter the exchange would ignore
/// (a <c>price</c> on a <c>MARKET</c> order) can make an order look smaller than it is.
/// </summary>
public static class OrderParameters
{
    /// <summary>The parameters checked: every one that prices or sizes an order, or only a limit order takes.</summary>
    public static IReadOnlyList<string> Checked { get; } = ["quantity", "quoteOrderQty", "price", "stopPrice", "timeInForce"];

    // Per type: the mandatory parameters (MARKET's quantity-or-quoteOrderQty is checked apart); the rest of Checked is refused.
    private static readonly Dictionary<string, string[]> Mandatory = new(StringComparer.Ordinal)
    {
        ["MARKET"] = [],
        ["LIMIT"] = ["timeInForce", "quantity", "price"],
        ["LIMIT_MAKER"] = ["quantity", "price"],
        ["STOP_LOSS"] = ["quantity", "stopPrice"],
        ["TAKE_PROFIT"] = ["quantity", "stopPrice"],
        ["STOP_LOSS_LIMIT"] = ["timeInForce", "quantity", "price", "stopPrice"],
        ["TAKE_PROFIT_LIMIT"] = ["timeInForce", "quantity", "price", "stopPrice"],
    };

    /// <summary>The Binance error for <paramref name="request"/>'s parameters under <paramref name="type"/>, or null when they fit.</summary>
    /// <param name="type">A type of <see cref="OrderTypes.Known"/>; any other is -1116 Invalid orderType.</param>
    /// <param name="request">The new order request.</param>
    public static BinanceError? Check(string type, BinanceRequest request)
    {
        if (!Mandatory.TryGetValue(type, out var mandatory))
        {
            return BinanceErrors.InvalidOrderType;
        }

        bool Sent(string name) => request.Values.ContainsKey(name);
        if (type == "MARKET")
        {
            if (!Sent("quantity") && !Sent("quoteOrderQty"))
            {
                return BinanceErrors.Mandatory("quantity");
            }

            mandatory = Sent("quantity") ? ["quantity"] : ["quoteOrderQty"];
        }

        if (mandatory.FirstOrDefault(name => !Sent(name)) is { } missing)
        {
            return BinanceErrors.Mandatory(missing);
        }

        return Checked.FirstOrDefault(name => Sent(name) && !mandatory.Contains(name, StringComparer.Ordinal)) is { } extra
            ? BinanceErrors.NotRequired(extra)
            : null;
    }
}
