using System.Buffers;
using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Tests a pattern only on the lines that can hold a match (<see cref="Rules.LineAnchors"/>): a line with one of the
/// pattern's anchors or a non-ASCII character. Words such as "key" or "secret" are in most files of a project but on
/// few of their lines, and the assignment grammar is costly to try at every position of a file.
/// </summary>
internal static class AnchorLines
{
    /// <summary>
    /// The same answer as <c>pattern.IsMatch(text)</c> for a pattern whose anchors are <paramref name="anchors"/>. Each
    /// line is tested with the text before it in view (lookbehinds, <c>^</c>, <c>\b</c> see what they see in the whole
    /// text) and up to its <c>\n</c>, which no proven pattern can match or look past.
    /// </summary>
    public static bool IsMatch(Regex pattern, ReadOnlySpan<char> text, SearchValues<string> anchors)
    {
        var anchorAt = -1;
        var wideAt = -1;
        var from = 0;
        while (from < text.Length)
        {
            if (anchorAt < from)
            {
                var hit = text[from..].IndexOfAny(anchors);
                anchorAt = hit < 0 ? int.MaxValue : from + hit;
            }

            if (wideAt < from)
            {
                var hit = text[from..].IndexOfAnyExceptInRange('\0', '\x7f');
                wideAt = hit < 0 ? int.MaxValue : from + hit;
            }

            var at = Math.Min(anchorAt, wideAt);
            if (at == int.MaxValue)
            {
                return false;
            }

            var lineStart = text[..at].LastIndexOf('\n') + 1;
            var lineBreak = text[at..].IndexOf('\n');
            var lineEnd = lineBreak < 0 ? text.Length : at + lineBreak + 1;
            if (pattern.IsMatch(text[..lineEnd], lineStart))
            {
                return true;
            }

            from = lineEnd;
        }

        return false;
    }
}
