using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tradeguard.Exchange.Binance;
using Tradeguard.Gateway.Upstream;

namespace Tradeguard.Gateway.Rest;

/// <summary>Writes the gateway's answers: Binance-shaped errors, and the exchange's answers passed through (status, body, weight header).</summary>
internal static class GatewayAnswer
{
    private const string Json = "application/json;charset=UTF-8";

    public static Task ErrorAsync(HttpContext context, BinanceError error) => error.ToResult().ExecuteAsync(context);

    public static async Task UpstreamAsync(HttpContext context, UpstreamResponse response)
    {
        Headers(context, response);
        context.Response.ContentType = response.ContentType ?? Json;
        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="items"/> as the answer's array, each with its bot's own client order id (<see cref="BotOrderView"/>).</summary>
    public static async Task ArrayAsync(HttpContext context, UpstreamResponse response, IReadOnlyList<JsonElement> items, Func<JsonElement, string?> botClientOrderIdOf)
    {
        Headers(context, response);
        context.Response.ContentType = Json;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                BotOrderView.Write(writer, item, botClientOrderIdOf(item));
            }

            writer.WriteEndArray();
        }

        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    private static void Headers(HttpContext context, UpstreamResponse response)
    {
        context.Response.StatusCode = response.Status;
        if (response.UsedWeight is { } weight)
        {
            context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = weight;
        }

        if (response.RetryAfter is { } retry)
        {
            context.Response.Headers.RetryAfter = retry;
        }
    }
}
