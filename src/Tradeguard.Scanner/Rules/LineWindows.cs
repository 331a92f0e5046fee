using System.Buffers;
using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// The lines on which a one-line pattern (<see cref="OneLinePattern"/>) can match: those holding one of its anchors
/// or a non-ASCII character, and those where one of its probes (its branches without anchors) matches.
/// </summary>
internal sealed class LineWindows
{
    private readonly Lazy<Regex[]> _compiledProbes;

    public LineWindows(OneLinePattern proven, Regex pattern)
    {
        Anchors = SearchValues.Create([.. proven.Anchors!], StringComparison.OrdinalIgnoreCase);
        Probes = [.. proven.Probes.Select(p => DefaultRuleRegexes.FindOrBuild(p, pattern.Options, pattern.MatchTimeout))];
        _compiledProbes = new Lazy<Regex[]>(() => [.. Probes.Select(CompiledRegexes.Of)]);
    }

    /// <summary>The anchors, searched ASCII case-insensitively.</summary>
    public SearchValues<string> Anchors { get; }

    /// <summary>The probes: generated at build time for the default rules, else interpreted.</summary>
    public IReadOnlyList<Regex> Probes { get; }

    /// <summary>The probes compiled to IL (built on first use, shared: <see cref="CompiledRegexes"/>), for large trees as <see cref="ScanRule.CompiledPattern"/>.</summary>
    public IReadOnlyList<Regex> CompiledProbes => _compiledProbes.Value;
}
