using System.Text;

namespace Tradeguard.Exchange.Signing;

/// <summary>
/// Builds a query string in the order the parameters are given, percent-encoding names and values as RFC 3986
/// unreserved-only (upper-case hex, UTF-8), which is what Binance signs: the signature covers these exact bytes.
/// </summary>
public static class QueryString
{
    /// <summary>Joins <paramref name="parameters"/> as <c>name=value&amp;…</c>; empty for none.</summary>
    public static string Build(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }
}
