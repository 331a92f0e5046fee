namespace Tradeguard.Scanner.Detection;

/// <summary>
/// A URL's path names what is fetched, not whose key a query parameter holds: in
/// <c>https://www.quantconnect.com/api/v2/proxy/nasdaq/api/v3/datatables/QDL/BITFINEX.csv?code=BTCUSD&amp;api_key=…</c>
/// (QuantConnect/Lean) the key is the proxy's, not Bitfinex's. The host (<c>api.bitfinex.com</c>) still names the
/// service, and so does the rest of the line.
/// </summary>
internal static class UrlPath
{
    /// <summary>
    /// <paramref name="line"/> with the path of the URL that runs unbroken up to 0-based <paramref name="column"/>
    /// blanked out (same length, so columns still hold), or the line itself when the column is not in a URL's path.
    /// </summary>
    public static ReadOnlySpan<char> Blanked(ReadOnlySpan<char> line, int column)
    {
        var before = line[..column];
        var scheme = before.LastIndexOf("://", StringComparison.Ordinal);
        if (scheme < 0 || before[scheme..].IndexOfAny(" \t\"'`<>") >= 0)
        {
            return line;
        }

        var slash = before[(scheme + 3)..].IndexOf('/');
        if (slash < 0)
        {
            return line;
        }

        var copy = line.ToArray();
        Array.Fill(copy, ' ', scheme + 3 + slash, column - (scheme + 3 + slash));
        return copy;
    }
}
