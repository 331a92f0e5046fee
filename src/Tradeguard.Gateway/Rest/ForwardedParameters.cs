using Tradeguard.Exchange.Binance;

namespace Tradeguard.Gateway.Rest;

/// <summary>
/// Changes a few parameters of a bot's request before it is forwarded (re-signed) upstream, keeping every other
/// parameter in the bot's order and encoding. Names are compared decoded, so a percent-encoded name is replaced too.
/// </summary>
internal static class ForwardedParameters
{
    /// <summary>
    /// <paramref name="request"/> with every parameter named in <paramref name="changes"/> removed, then each change with a
    /// value appended (percent-encoded) at the end of the body, or of the query when there is no body. A null value only removes.
    /// </summary>
    public static BinanceRequest Rewrite(BinanceRequest request, params (string Name, string? Value)[] changes)
    {
        var names = changes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var added = string.Join('&', changes.Where(c => c.Value is not null).Select(c => c.Name + "=" + Uri.EscapeDataString(c.Value!)));
        var query = Without(request.Query, names);
        var body = Without(request.Body, names);
        return request.Body.Length > 0
            ? BinanceRequest.Parse(query, Join(body, added))
            : BinanceRequest.Parse(Join(query, added), body);
    }

    private static string Without(string raw, HashSet<string> names) => string.Join('&', raw.Split('&').Where(part =>
        part.Length > 0 && !names.Contains(Uri.UnescapeDataString(part.Split('=')[0].Replace('+', ' ')))));

    private static string Join(string raw, string part) => part.Length == 0 ? raw : raw.Length == 0 ? part : raw + "&" + part;
}
