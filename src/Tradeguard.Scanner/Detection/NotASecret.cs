using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Key-shaped values that are public by nature, recognised in one place for every secret rule (issue 15's false
/// alarms): lines of a PEM block that is not a private key (public keys, certificates), lockfile and Subresource
/// Integrity hashes (<c>sha512-…</c>), base64 data URLs, and values assigned to a name that says they are a digest,
/// a commit, a public key or token, an anti-forgery token, a pagination cursor or an identifier (<c>integrity</c>, <c>checksum</c>, <c>sha256</c>,
/// <c>hashed_secret</c> in a detect-secrets baseline, <c>commit</c>, <c>public_key</c>, <c>publicToken</c>, <c>csrf-token</c>, <c>next_page_token</c> (a cursor the API hands out with public data), <c>request_id</c>...).
/// </summary>
internal static partial class NotASecret
{
    /// <summary>How far back a PEM header is looked for: longer than any public key or certificate block.</summary>
    private const int PemLookBack = 64 * 1024;

    /// <summary>
    /// How much of the line before a value the name and prefix patterns read: both end at the value and match far
    /// less (a name, an operator and a quote; a digest or data-URL prefix). Reading the whole line made each candidate
    /// on a minified line cost the line's length: a 4.8 MB bundle took 18.5 s.
    /// </summary>
    private const int LookBack = 256;

    /// <summary>True when the value at <paramref name="index"/> in <paramref name="text"/> (lines: <paramref name="lines"/>) is public by nature.</summary>
    public static bool Holds(string text, LineIndex lines, int index)
    {
        var from = Math.Max(lines.StartOf(index), index - LookBack);
        var before = text.AsSpan(from, index - from);
        return DigestPrefix().IsMatch(before) || PublicName().IsMatch(before) || InPublicPemBlock(text, index);
    }

    /// <summary>The value follows the last <c>-----BEGIN X-----</c> before it, with no END in between, and X is not a private key.</summary>
    private static bool InPublicPemBlock(string text, int index)
    {
        var from = Math.Max(0, index - PemLookBack);
        var begin = text.LastIndexOf("-----BEGIN ", index, index - from, StringComparison.Ordinal);
        if (begin < 0)
        {
            return false;
        }

        var end = text.IndexOf("-----END ", begin, index - begin, StringComparison.Ordinal);
        if (end >= 0)
        {
            return false;
        }

        var labelEnd = text.IndexOf("-----", begin + 11, StringComparison.Ordinal);
        return labelEnd > 0 && !text.AsSpan(begin, labelEnd - begin).Contains("PRIVATE", StringComparison.Ordinal);
    }

    /// <summary><c>sha512-</c> (npm, yarn, SRI), <c>sha256:</c> (Docker digests), <c>data:image/png;base64,</c> right before the value.</summary>
    [GeneratedRegex(@"(?:\b(?:sha(?:1|224|256|384|512)|md5)[-:=]|data:[\w.+/-]+;base64,)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DigestPrefix();

    /// <summary>An assignment whose name says digest, commit, public key or token, CSRF token, page token or id: <c>"integrity": "</c>, <c>public_key = '</c>.</summary>
    [GeneratedRegex("""(?:integrity|checksum|sha(?:1|224|256|384|512)?(?:sum)?|md5|hash|hashed[_.-]?(?:secret|password|key|token)|digest|commit(?:_?(?:id|sha|hash))?|revision|etag|fingerprint|public[_.-]?(?:key|token)|pubkey|(?:csrf|xsrf)[_.-]?token|(?:page|next|continuation)[_.-]?token|cert(?:ificate)?|(?:request|correlation|trace|run|order|instance)[_.-]?id)["'\]]?[ \t]*(?::|=|=>|:=)[ \t]*\\?["'`]?$""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublicName();
}
