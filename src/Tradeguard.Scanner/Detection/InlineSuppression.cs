namespace Tradeguard.Scanner.Detection;

/// <summary>
/// The inline comment <c>tradeguard:allow &lt;rule-id&gt;[,&lt;rule-id&gt;...]</c> on a finding's line suppresses that rule
/// there, in any comment syntax (<c>#</c>, <c>//</c>, <c>;</c>). Only the named rules are allowed, never all.
/// The markers other scanners put on a line, <c>gitleaks:allow</c> (gitleaks), <c>pragma: allowlist secret</c>
/// (Yelp's detect-secrets) and <c>noqa: mock</c> / <c>noqa: documentation</c> (CoinAlpha's detect-wallet-private-key
/// hook, which hummingbot and its forks run on every commit), allow every secret rule on it, as they do there, so a
/// code base annotated for those tools carries over; they never allow a practice finding.
/// </summary>
internal static class InlineSuppression
{
    public const string Marker = "tradeguard:allow";

    private static readonly string[] OtherScannersMarkers = ["gitleaks:allow", "pragma: allowlist secret", "noqa: mock", "noqa: documentation"];

    public static bool Allows(ReadOnlySpan<char> line, string ruleId)
    {
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        while (at >= 0)
        {
            var rest = line[(at + Marker.Length)..];
            foreach (var range in rest.SplitAny(" \t,"))
            {
                var token = rest[range].Trim("\"'*/-#>");
                if (token.IsEmpty)
                {
                    continue;
                }

                if (token.SequenceEqual(ruleId))
                {
                    return true;
                }

                if (!IsRuleIdShape(token))
                {
                    break;
                }
            }

            var next = rest.IndexOf(Marker, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + Marker.Length + next;
        }

        return false;
    }

    /// <summary>True when the line carries another secret scanner's allow marker.</summary>
    public static bool AllowsEverySecret(ReadOnlySpan<char> line)
    {
        foreach (var marker in OtherScannersMarkers)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRuleIdShape(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
