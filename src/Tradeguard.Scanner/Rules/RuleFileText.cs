using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// Recognises secret-scanner rule files by content: a Tradeguard rule file (JSON with <c>"rules"</c> whose entries have
/// <c>"kind"</c> and <c>"regex"</c>) or a gitleaks config (TOML with <c>[[rules]]</c> and a <c>regex</c> key). Their
/// regexes name the very patterns the rules look for, so scanning them reports the rules themselves; gitleaks likewise
/// allowlists its own config.
/// </summary>
internal static partial class RuleFileText
{
    private const int HeadChars = 16 * 1024;

    /// <summary>True when <paramref name="text"/> is a scanner rule file.</summary>
    public static bool Is(ReadOnlySpan<char> text)
    {
        var head = text[..Math.Min(text.Length, HeadChars)];
        var trimmed = head.TrimStart();
        if (trimmed.StartsWith("{"))
        {
            return head.Contains("\"rules\"", StringComparison.Ordinal)
                && head.Contains("\"regex\"", StringComparison.Ordinal)
                && head.Contains("\"kind\"", StringComparison.Ordinal);
        }

        return head.Contains("[[rules]]", StringComparison.Ordinal) && TomlRegexKey().IsMatch(head);
    }

    [GeneratedRegex(@"(?m)^[ \t]*regex[ \t]*=[ \t]*['""]", RegexOptions.CultureInvariant)]
    private static partial Regex TomlRegexKey();
}
