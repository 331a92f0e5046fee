using System.Text.RegularExpressions;
using Tradeguard.Core.Secrets;
using Tradeguard.Scanner.Findings;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Runs the pattern rules over one text: keyword prefilter, then each triggered rule's regex, then the scope check
/// (<see cref="ScanRule.Context"/>), then the value checks (public by nature, documentation example, placeholder,
/// allowlists, stop words, entropy floor, a weak human phrase in a documentation or test file) or, for a practice
/// rule, its allowlist and whether the line is minified (<see cref="MinifiedLine"/>), then inline suppressions. Thread-safe.
/// </summary>
internal sealed partial class ContentScanner
{
    private const int PracticeShownMax = 80;

    /// <summary>Context words this long or longer also act as stop words: shorter ones ("aws", "okx") turn up in random keys.</summary>
    private const int MinContextStopword = 5;

    private readonly IReadOnlyList<ScanRule> _rules;
    private readonly KeywordPrefilter _prefilter;
    private readonly bool _compiled;
    private readonly IReadOnlyList<DocumentedExample> _examples;
    private readonly GlobalAllowlist _allowlist;
    private readonly string[] _patternKeys;

    /// <param name="ruleSet">The rules.</param>
    /// <param name="compiled">Run the regexes compiled to IL: faster per byte, slower to start; for large trees.</param>
    public ContentScanner(RuleSet ruleSet, bool compiled = false)
    {
        _rules = ruleSet.Rules.Where(r => r.HasPattern).ToList();
        _prefilter = new KeywordPrefilter(_rules);
        _compiled = compiled;
        _examples = ruleSet.Examples;
        _allowlist = ruleSet.Allowlist;
        // Not the regexes themselves: a rule's regex is built when a file first holds one of its keywords.
        _patternKeys = [.. _rules.Select(r => r.PatternKey!)];
    }

    /// <summary>
    /// Findings in <paramref name="text"/>, in position order, overlapping secrets reported once (under the first rule
    /// in file order). <paramref name="lineMap"/> maps the text's lines to the file's (history hunks); null = identity.
    /// </summary>
    /// <exception cref="RegexMatchTimeoutException">A rule's regex ran past <see cref="RuleSet.MatchTimeout"/>.</exception>
    public List<Finding> Scan(string text, string path, string? commit = null, IReadOnlyList<int>? lineMap = null)
    {
        var triggered = _allowlist.ExcludesPath(path) ? null : _prefilter.Triggered(text);
        return triggered is null ? [] : Collect(text, path, commit, lineMap, triggered);
    }

    /// <summary>
    /// The same findings as <see cref="Scan(string, string, string?, IReadOnlyList{int}?)"/> for a text in a reused
    /// buffer: the triggered rules first only test for a match on the span, and the text becomes a string (for the
    /// regex groups) only when one matched, which is rare: most files of a tree allocate nothing here.
    /// </summary>
    /// <exception cref="RegexMatchTimeoutException">A rule's regex ran past <see cref="RuleSet.MatchTimeout"/>.</exception>
    public List<Finding> Scan(ReadOnlySpan<char> text, string path)
    {
        var triggered = _allowlist.ExcludesPath(path) ? null : _prefilter.Triggered(text);
        if (triggered is null)
        {
            return [];
        }

        // Rules that share a pattern (the exchange rules differ only in their context words) test it once per text.
        Dictionary<string, bool>? tested = null;
        var anyMatch = false;
        for (var r = 0; r < _rules.Count; r++)
        {
            if (triggered[r] && _rules[r].AppliesTo(path))
            {
                var pattern = PatternOf(_rules[r]);
                var key = _patternKeys[r];
                tested ??= new Dictionary<string, bool>(StringComparer.Ordinal);
                if (!tested.TryGetValue(key, out var matched))
                {
                    // Not on windows with probes: a probe that finds nothing reads the whole text, while the whole
                    // pattern stops at its first match (binance on the bench tree: 0.2 s whole, 0.3-0.4 s windowed).
                    tested[key] = matched = _rules[r].Windows is { Probes.Count: 0 } windows
                        ? AnchorLines.IsMatch(pattern, text, windows, [])
                        : pattern.IsMatch(text);
                }

                triggered[r] = matched;
            }
            else
            {
                triggered[r] = false;
            }

            anyMatch |= triggered[r];
        }

        return anyMatch ? Collect(new string(text), path, null, null, triggered) : [];
    }

    private List<Finding> Collect(string text, string path, string? commit, IReadOnlyList<int>? lineMap, bool[] triggered)
    {
        var findings = new List<Finding>();
        LineIndex? lines = null;
        KeywordScope? scope = null;
        CodeExpression? code = null;
        SuppressedLines? suppressed = null;
        var claimed = new List<(int Start, int End)>();
        // Rules that share a pattern (the exchange rules differ only in their context words) run it once per text.
        Dictionary<string, PatternMatches>? matchesOf = null;
        for (var r = 0; r < _rules.Count; r++)
        {
            var rule = _rules[r];
            if (!triggered[r] || !rule.AppliesTo(path))
            {
                continue;
            }

            var pattern = PatternOf(rule);
            matchesOf ??= new Dictionary<string, PatternMatches>(StringComparer.Ordinal);
            var key = _patternKeys[r];
            if (!matchesOf.TryGetValue(key, out var matches))
            {
                matchesOf[key] = matches = new PatternMatches(pattern, text, rule, rule.Windows is { } windows ? ProbesOf(windows) : []);
            }

            for (var n = 0; n < matches.Count; n++)
            {
                // A one-line match's value is on the line it starts on: out of scope there, it needs no groups.
                if (rule.Context.Count > 0 && rule.IsOneLine && !(scope ??= new KeywordScope(lines ??= new LineIndex(text))).Contains(matches.IndexOf(n), rule.Context))
                {
                    continue;
                }

                var match = matches[n];
                var group = match.Groups[rule.SecretGroup];
                if (!group.Success || (rule.Context.Count > 0 && !(scope ??= new KeywordScope(lines ??= new LineIndex(text))).Contains(group.Index, rule.Context)))
                {
                    continue;
                }

                var value = group.ValueSpan;
                var isExample = false;
                if (rule.Kind == RuleKind.Secret)
                {
                    lines ??= new LineIndex(text);
                    var verdict = NotASecret.Holds(text, lines, group.Index) || (code ??= new CodeExpression(text, lines, path)).Holds(group.Index)
                        ? Verdict.Placeholder
                        : Judge(rule, value, path);
                    if (verdict == Verdict.Placeholder)
                    {
                        continue;
                    }

                    isExample = verdict == Verdict.Example;
                    if (Overlaps(claimed, group.Index, group.Index + group.Length))
                    {
                        continue;
                    }
                }
                else if (IsAllowlisted(rule, value) || OnMinifiedLine(group.Index, lines ??= new LineIndex(text)))
                {
                    // A practice rule reads code someone wrote: on a minified line it would judge a bundled library
                    // by a context that spans the whole bundle.
                    continue;
                }

                if (rule.ConditionalAllowlists.Count > 0 && ConditionallyAllowed(rule, path, match, group, lines ??= new LineIndex(text)))
                {
                    continue;
                }

                if (rule.Kind == RuleKind.Secret)
                {
                    // Claimed even when suppressed below: an allowed token must not resurface under a generic rule.
                    claimed.Add((group.Index, group.Index + group.Length));
                }

                lines ??= new LineIndex(text);
                var (line, column) = lines.Locate(group.Index);
                if ((suppressed ??= new SuppressedLines(lines)).Allow(line, rule))
                {
                    continue;
                }

                var (endLine, endColumn) = lines.Locate(group.Index + group.Length);
                findings.Add(new Finding(
                    rule.Id,
                    rule.Kind,
                    isExample ? Severity.Info : rule.Severity,
                    path,
                    MapLine(lineMap, line),
                    column,
                    MapLine(lineMap, endLine),
                    endColumn,
                    rule.Kind == RuleKind.Secret ? SecretMask.Mask(value.ToString()) : Shorten(value),
                    Fingerprint.Of(rule.Id, path, value),
                    isExample ? ExampleMessage(rule, value) : rule.Description,
                    isExample ? "nothing to rotate; if this is meant as a real key, replace it with a vault:// reference" : rule.Fix,
                    isExample,
                    commit));
            }
        }

        findings.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return findings;
    }

    private Regex PatternOf(ScanRule rule) => _compiled ? rule.CompiledPattern! : rule.Pattern!;

    private IReadOnlyList<Regex> ProbesOf(LineWindows windows) => _compiled ? windows.CompiledProbes : windows.Probes;

    private enum Verdict
    {
        Secret,
        Example,
        Placeholder,
    }

    private Verdict Judge(ScanRule rule, ReadOnlySpan<char> value, string path)
    {
        if (value.Length < Math.Max(1, rule.MinLength))
        {
            return Verdict.Placeholder;
        }

        if (ExampleOf(rule, value) is not null)
        {
            return Verdict.Example;
        }

        var text = value.ToString();
        if (Placeholders.IsPlaceholder(text) || IsAllowlisted(rule, value) || _allowlist.Values.Any(a => a.IsMatch(text)))
        {
            return Verdict.Placeholder;
        }

        // A value that names its own service ("binance_BTC-USDT_1m" under binance) is a label: no key holds the word.
        foreach (var word in rule.Stopwords.Concat(_allowlist.Stopwords).Concat(rule.Context.Where(c => c.Length >= MinContextStopword)))
        {
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return Verdict.Placeholder;
            }
        }

        if (ShannonEntropy.BitsPerChar(value) < rule.EntropyFloor)
        {
            return Verdict.Placeholder;
        }

        // Checked last: zxcvbn is the costliest test, and few values get here.
        return FixtureFile.Is(path) && (Uuid().IsMatch(text) || WeakPhrase.Is(text)) ? Verdict.Placeholder : Verdict.Secret;
    }

    private static bool IsAllowlisted(ScanRule rule, ReadOnlySpan<char> value)
    {
        foreach (var allow in rule.Allowlist)
        {
            if (allow.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An RFC 9562 UUID: in a test or example file, an identifier made up for the fixture.</summary>
    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    private static bool ConditionallyAllowed(ScanRule rule, string path, Match match, Group group, LineIndex lines)
    {
        var line = lines.LineText(lines.Locate(match.Index).Line);
        foreach (var allow in rule.ConditionalAllowlists)
        {
            if (allow.Allows(path, group.ValueSpan, match.ValueSpan, line))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OnMinifiedLine(int index, LineIndex lines) => MinifiedLine.Is(lines.LineText(lines.Locate(index).Line));

    private static bool Overlaps(List<(int Start, int End)> claimed, int start, int end)
    {
        foreach (var (s, e) in claimed)
        {
            if (start < e && s < end)
            {
                return true;
            }
        }

        return false;
    }

    private static int MapLine(IReadOnlyList<int>? lineMap, int line) =>
        lineMap is null ? line : lineMap[Math.Min(line, lineMap.Count) - 1];

    private static string Shorten(ReadOnlySpan<char> text)
    {
        var oneLine = text.ToString().ReplaceLineEndings(" ");
        return oneLine.Length <= PracticeShownMax ? oneLine : oneLine[..(PracticeShownMax - 1)] + "…";
    }

    /// <summary>The documentation example equal to <paramref name="value"/>: the rule's own, or the rule set's.</summary>
    private DocumentedExample? ExampleOf(ScanRule rule, ReadOnlySpan<char> value)
    {
        var hash = Fingerprint.Sha256Hex(value);
        return rule.Examples.Concat(_examples).FirstOrDefault(e => e.Sha256Hex == hash);
    }

    private string ExampleMessage(ScanRule rule, ReadOnlySpan<char> value) =>
        $"published documentation example ({ExampleOf(rule, value)!.Source}), not a live secret";
}
