using System.Text.RegularExpressions;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Runs a pattern only on the lines that can hold a match (<see cref="LineWindows"/>): a line with one of the
/// pattern's anchors or a non-ASCII character, or one where a probe (a branch without anchors) matches. Words such as
/// "key" or "secret" are in most files of a project but on few of their lines, and the assignment grammar is costly to
/// try at every position of a file.
/// </summary>
/// <remarks>
/// Each line is searched with the text before it in view (lookbehinds, <c>^</c>, <c>\b</c> see what they see in the
/// whole text) and up to its <c>\n</c>, which no proven pattern can match or look past; so a line's matches are the
/// whole text's matches on that line. A probe found at or before a line marks a line at or before it: a branch match
/// on a line is either the probe's leftmost match from the line's start or inside an earlier one on the same line.
/// </remarks>
internal static class AnchorLines
{
    /// <summary>The same answer as <c>pattern.IsMatch(text)</c>.</summary>
    public static bool IsMatch(Regex pattern, ReadOnlySpan<char> text, LineWindows windows, IReadOnlyList<Regex> probes) =>
        Search(pattern, text, windows, probes, null);

    /// <summary>
    /// Adds to <paramref name="matches"/> the index and length of each match of <c>pattern.Matches(text)</c>, in order,
    /// without building a <see cref="Match"/>.
    /// </summary>
    public static void Collect(Regex pattern, ReadOnlySpan<char> text, LineWindows windows, IReadOnlyList<Regex> probes, List<(int Index, int Length)> matches) =>
        Search(pattern, text, windows, probes, matches);

    private static bool Search(Regex pattern, ReadOnlySpan<char> text, LineWindows windows, IReadOnlyList<Regex> probes, List<(int Index, int Length)>? matches)
    {
        var anchorAt = -1;
        var wideAt = -1;
        var probeAt = -1;
        var from = 0;
        var found = false;
        while (from < text.Length)
        {
            if (anchorAt < from)
            {
                var hit = text[from..].IndexOfAny(windows.Anchors);
                anchorAt = hit < 0 ? int.MaxValue : from + hit;
            }

            if (wideAt < from)
            {
                var hit = text[from..].IndexOfAnyExceptInRange('\0', '\x7f');
                wideAt = hit < 0 ? int.MaxValue : from + hit;
            }

            if (probeAt < from)
            {
                probeAt = int.MaxValue;
                foreach (var probe in probes)
                {
                    foreach (var m in probe.EnumerateMatches(text, from))
                    {
                        probeAt = Math.Min(probeAt, m.Index);
                        break;
                    }
                }
            }

            var at = Math.Min(Math.Min(anchorAt, wideAt), probeAt);
            if (at == int.MaxValue)
            {
                return found;
            }

            var lineStart = text[..at].LastIndexOf('\n') + 1;
            var lineBreak = text[at..].IndexOf('\n');
            var lineEnd = lineBreak < 0 ? text.Length : at + lineBreak + 1;
            foreach (var m in pattern.EnumerateMatches(text[..lineEnd], lineStart))
            {
                // Past the line's \n the window's end is not the text's: an empty match there belongs to the next line.
                if (m.Index >= lineEnd && lineEnd < text.Length)
                {
                    break;
                }

                if (matches is null)
                {
                    return true;
                }

                found = true;
                matches.Add((m.Index, m.Length));
            }

            from = lineEnd;
        }

        return found;
    }
}
