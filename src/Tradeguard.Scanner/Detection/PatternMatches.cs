using System.Text.RegularExpressions;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// The matches of one pattern in one text, shared by the rules that have that pattern (the exchange rules differ only
/// in their context words). For a one-line pattern (<see cref="ScanRule.IsOneLine"/>) only where each match is, is
/// collected at first (on its <see cref="LineWindows"/> when it has them); its <see cref="Match"/>, with groups, is
/// built on request, so a candidate that fails the scope test by its line costs no allocation: on the bench tree,
/// 62,754 candidates of the exchange grammar to keep 1,223.
/// </summary>
internal sealed class PatternMatches
{
    private readonly Regex _pattern;
    private readonly string _text;
    private readonly List<(int Index, int Length)> _spans = [];
    private readonly Match?[] _matches;

    /// <param name="pattern">The pattern (interpreted or compiled).</param>
    /// <param name="text">The text.</param>
    /// <param name="rule">A rule with that pattern.</param>
    /// <param name="probes">Its <see cref="LineWindows"/> probes, in the same form as <paramref name="pattern"/>.</param>
    /// <exception cref="RegexMatchTimeoutException">The regex ran past its timeout.</exception>
    public PatternMatches(Regex pattern, string text, ScanRule rule, IReadOnlyList<Regex> probes)
    {
        _pattern = pattern;
        _text = text;
        if (!rule.IsOneLine)
        {
            _matches = pattern.Matches(text).ToArray();
            _spans.AddRange(_matches.Select(m => (m!.Index, m.Length)));
            return;
        }

        if (rule.Windows is { } windows)
        {
            AnchorLines.Collect(pattern, text, windows, probes, _spans);
        }
        else
        {
            foreach (var m in pattern.EnumerateMatches(text))
            {
                _spans.Add((m.Index, m.Length));
            }
        }

        _matches = new Match?[_spans.Count];
    }

    /// <summary>Number of matches.</summary>
    public int Count => _spans.Count;

    /// <summary>Where the <paramref name="n"/>th match starts, in the text.</summary>
    public int IndexOf(int n) => _spans[n].Index;

    /// <summary>The <paramref name="n"/>th match, the same as the <paramref name="n"/>th of <c>pattern.Matches(text)</c>.</summary>
    public Match this[int n] =>
        // The match at a match's start, found from there, is that match: the regex is deterministic at a position,
        // and its lookbehinds still see the text before it.
        _matches[n] ??= _pattern.Match(_text, _spans[n].Index);
}
