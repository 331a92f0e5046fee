using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Tradeguard.Exchange.Binance;

/// <summary>
/// One request to a Binance-shaped REST endpoint as received: its parameters (query string and form body merged, in
/// that order) and the exact text Binance signs. Binance signs <c>totalParams</c> = the query string followed directly
/// by the request body, as sent, without the <c>signature</c> parameter (Binance Spot REST API, "SIGNED endpoint
/// security"; binance/binance-spot-api-docs rest-api.md). Used by the sandbox and the gateway alike.
/// </summary>
public sealed class BinanceRequest
{
    private BinanceRequest(IReadOnlyDictionary<string, StringValues> values, string query, string body, string? signature)
    {
        Values = values;
        Query = query;
        Body = body;
        Signature = signature;
    }

    /// <summary>Every parameter by name; a name sent more than once has several values.</summary>
    public IReadOnlyDictionary<string, StringValues> Values { get; }

    /// <summary>The raw query string without <c>?</c> and without the signature parameter.</summary>
    public string Query { get; }

    /// <summary>The raw form body without the signature parameter; empty when there is none.</summary>
    public string Body { get; }

    /// <summary>The one <c>signature</c> value; null when absent or sent more than once.</summary>
    public string? Signature { get; }

    /// <summary>What the signature covers: <see cref="Query"/> followed directly by <see cref="Body"/>.</summary>
    public string SignedPayload => Query + Body;

    /// <summary>The single value of <paramref name="name"/>, or null when absent, empty or repeated.</summary>
    public string? Single(string name) => Values.TryGetValue(name, out var v) && v.Count == 1 && v[0] is { Length: > 0 } s ? s : null;

    /// <summary>Parses a request from its raw parts (tests, the bot channel).</summary>
    public static BinanceRequest Parse(string query, string body)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, value) in QueryHelpers.ParseQuery(query).Concat(QueryHelpers.ParseQuery(body)))
        {
            values[name] = values.TryGetValue(name, out var earlier) ? StringValues.Concat(earlier, value) : value;
        }

        var signature = values.TryGetValue("signature", out var s) && s.Count == 1 ? s[0] : null;
        return new BinanceRequest(values, WithoutSignature(query), WithoutSignature(body), signature);
    }

    /// <summary>Reads the query string and the body of <paramref name="request"/>. The body's size is bounded by the server (Kestrel's MaxRequestBodySize).</summary>
    /// <exception cref="BadHttpRequestException">The body is over the server's limit or the client stopped sending.</exception>
    public static async Task<BinanceRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        var body = string.Empty;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        return Parse(query, body);
    }

    private static string WithoutSignature(string raw) =>
        string.Join('&', raw.Split('&').Where(part => part.Length > 0 && !part.StartsWith("signature=", StringComparison.Ordinal)));
}
