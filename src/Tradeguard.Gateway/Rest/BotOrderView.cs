using System.Text.Json;

namespace Tradeguard.Gateway.Rest;

/// <summary>
/// An exchange order object as its bot sees it: the gateway sends every order with a <c>newClientOrderId</c> of its
/// own (<see cref="Policy.ClientOrderIds"/>), so the bot's own id goes back in its place: <c>clientOrderId</c> of an
/// order, or <c>origClientOrderId</c> of a cancel answer (whose <c>clientOrderId</c> is the cancel request's own id).
/// </summary>
internal static class BotOrderView
{
    /// <summary>Writes <paramref name="order"/>'s properties that <paramref name="keep"/> accepts, with <paramref name="botClientOrderId"/>
    /// in place of the gateway's id; null leaves the exchange's value (the bot named no id of its own).</summary>
    public static void Write(Utf8JsonWriter writer, JsonElement order, string? botClientOrderId, Func<string, bool>? keep = null)
    {
        if (order.ValueKind != JsonValueKind.Object)
        {
            order.WriteTo(writer);
            return;
        }

        var idField = order.TryGetProperty("origClientOrderId", out _) ? "origClientOrderId" : "clientOrderId";
        writer.WriteStartObject();
        foreach (var property in order.EnumerateObject())
        {
            if (keep is not null && !keep(property.Name))
            {
                continue;
            }

            if (botClientOrderId is not null && property.Name == idField)
            {
                writer.WriteString(property.Name, botClientOrderId);
            }
            else
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary><see cref="Write"/> as UTF-8 JSON.</summary>
    public static byte[] Bytes(JsonElement order, string? botClientOrderId, Func<string, bool>? keep = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, order, botClientOrderId, keep);
        }

        return buffer.ToArray();
    }
}
