using System.Text.Json;
using Tradeguard.Exchange.Binance;

namespace Tradeguard.Gateway.Rest;

/// <summary>Reads and applies <see cref="OrderResponseType"/>.</summary>
public static class OrderResponseTypes
{
    private const string Name = "newOrderRespType";
    private static readonly string[] AckFields = ["symbol", "orderId", "orderListId", "clientOrderId", "transactTime"];

    /// <summary>The shape <paramref name="request"/> asks for (its type's default when it names none); -1102 for another value.</summary>
    public static (OrderResponseType Type, BinanceError? Error) Requested(BinanceRequest request, string orderType) => request.Single(Name) switch
    {
        null when !request.Values.ContainsKey(Name) => (orderType is "MARKET" or "LIMIT" ? OrderResponseType.Full : OrderResponseType.Ack, null),
        "ACK" => (OrderResponseType.Ack, null),
        "RESULT" => (OrderResponseType.Result, null),
        "FULL" => (OrderResponseType.Full, null),
        _ => (OrderResponseType.Full, BinanceErrors.Mandatory(Name)),
    };

    /// <summary>
    /// The bot's request as it goes upstream: <c>newOrderRespType=FULL</c> in place of whatever it sent, and the gateway's
    /// own <c>newClientOrderId</c> (<paramref name="clientOrderId"/>) in place of the bot's; every other parameter keeps the
    /// bot's order and encoding (<see cref="ForwardedParameters.Rewrite"/>).
    /// </summary>
    public static BinanceRequest ForwardFull(BinanceRequest request, string clientOrderId) =>
        ForwardedParameters.Rewrite(request, (Name, "FULL"), ("newClientOrderId", clientOrderId));

    /// <summary>
    /// The exchange's <c>FULL</c> order answer <paramref name="order"/> cut to <paramref name="type"/>, as UTF-8 JSON, with
    /// the bot's own <paramref name="botClientOrderId"/> (when it named one) in place of the gateway's (<see cref="BotOrderView"/>).
    /// </summary>
    public static byte[] Shape(JsonElement order, OrderResponseType type, string? botClientOrderId = null) =>
        BotOrderView.Bytes(order, botClientOrderId, name => type switch
        {
            OrderResponseType.Ack => AckFields.Contains(name, StringComparer.Ordinal),
            OrderResponseType.Result => name != "fills",
            _ => true,
        });
}
