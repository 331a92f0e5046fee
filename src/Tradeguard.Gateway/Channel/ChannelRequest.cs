using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// One bot request's parameters, read the way Binance reads a signed request: the query string and an
/// <c>application/x-www-form-urlencoded</c> body, and the exact text that was signed (query, then body, each without
/// its <c>signature</c> parameter).
/// </summary>
/// <param name="Values">Every parameter by name; a name sent twice is kept once per occurrence.</param>
/// <param name="SignedPayload">Binance's <c>totalParams</c>: the query string followed by the body, as sent, signature removed.</param>
public sealed record ChannelRequest(IReadOnlyDictionary<string, string[]> Values, string SignedPayload)
{
    /// <summary>The single value of <paramref name="name"/>, or null when it is absent or sent more than once.</summary>
    public string? Single(string name) => Values.TryGetValue(name, out var v) && v.Length == 1 ? v[0] : null;

    /// <summary>Reads the query and body of <paramref name="context"/>; the body is limited by Kestrel's size limit.</summary>
    public static async Task<ChannelRequest> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : string.Empty;
        var body = string.Empty;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in QueryHelpers.ParseQuery(query).Concat(QueryHelpers.ParseQuery(body)))
        {
            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.AddRange(value.Select(v => v ?? string.Empty));
        }

        return new ChannelRequest(values.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            WithoutSignature(query) + WithoutSignature(body));
    }

    private static string WithoutSignature(string raw) =>
        string.Join('&', raw.Split('&').Where(part => part.Length > 0 && !part.StartsWith("signature=", StringComparison.Ordinal)));
}
