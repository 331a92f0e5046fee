using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Output;

/// <summary>
/// Recognises the scanner's own reports by content, so that <c>scan . --output scan.sarif</c> followed by
/// <c>scan .</c> does not report the rule texts and masked values inside <c>scan.sarif</c> (issue 15). The writers use
/// the same signature constants, so a report is recognised whatever it is named.
/// </summary>
internal static partial class OwnReport
{
    /// <summary>The JSON report's <c>"tool"</c> value.</summary>
    public const string JsonTool = "tradeguard scan";

    /// <summary>The SARIF report's <c>tool.driver.name</c>.</summary>
    public const string SarifDriver = "tradeguard";

    private const int HeadChars = 4096;

    /// <summary>True when <paramref name="text"/> is a JSON, SARIF or text report written by <c>tradeguard scan</c>.</summary>
    public static bool Is(ReadOnlySpan<char> text)
    {
        var head = text[..Math.Min(text.Length, HeadChars)];
        if (head.TrimStart().StartsWith("{"))
        {
            return head.Contains($"\"tool\": \"{JsonTool}\"", StringComparison.Ordinal)
                || (head.Contains("sarif", StringComparison.OrdinalIgnoreCase) && head.Contains($"\"name\": \"{SarifDriver}\"", StringComparison.Ordinal));
        }

        return TextSummary().IsMatch(text[Math.Max(0, text.Length - 400)..]);
    }

    /// <summary>The last line of a text report (TextReport).</summary>
    [GeneratedRegex(@"(?:^|\n)scanned \d+ files \([\d.]+ MB\) in [\d.]+ s: \d+ findings[^\n]*\r?\n?$", RegexOptions.CultureInvariant)]
    private static partial Regex TextSummary();
}
