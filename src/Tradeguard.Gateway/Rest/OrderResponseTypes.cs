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
    /// The bot's request with <c>newOrderRespType=FULL</c> in place of whatever it sent: every other parameter keeps the
    /// bot's order and encoding; the new one goes at the end of the body (or of the query when there is no body).
    /// </summary>
    public static BinanceRequest ForwardFull(BinanceRequest request)
    {
        var query = Without(request.Query);
        var body = Without(request.Body);
        return request.Body.Length > 0
            ? BinanceRequest.Parse(query, Join(body, Name + "=FULL"))
            : BinanceRequest.Parse(Join(query, Name + "=FULL"), body);
    }

    /// <summary>The exchange's <c>FULL</c> order answer <paramref name="order"/> cut to <paramref name="type"/>, as UTF-8 JSON.</summary>
    public static byte[] Shape(JsonElement order, OrderResponseType type)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in order.EnumerateObject())
            {
                var kept = type switch
                {
                    OrderResponseType.Ack => AckFields.Contains(property.Name, StringComparer.Ordinal),
                    OrderResponseType.Result => property.Name != "fills",
                    _ => true,
                };
                if (kept)
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // The raw parts without newOrderRespType, its name compared decoded (a bot may percent-encode a name).
    private static string Without(string raw) => string.Join('&', raw.Split('&').Where(part =>
        part.Length > 0 && Uri.UnescapeDataString(part.Split('=')[0].Replace('+', ' ')) != Name));

    private static string Join(string raw, string part) => raw.Length == 0 ? part : raw + "&" + part;
}
