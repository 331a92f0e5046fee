using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// A rule's regex and what is proven of it (the value group, one-line, line windows), built on first use: a scan reads
/// a rule's regex only when a file holds one of its keywords, and a pre-commit scan of a few files triggers a few of the
/// 46 default rules. Building all of them first took ~60 of the ~135 ms a cold process spent loading the default rules.
/// Thread-safe: the first caller builds, others wait for it.
/// </summary>
internal sealed class RulePattern
{
    private readonly Lazy<Built> _built;

    /// <param name="text">The .NET regex.</param>
    /// <param name="options">Its options.</param>
    /// <param name="timeout">Time one match may take (<see cref="RuleSet.MatchTimeout"/>).</param>
    /// <param name="secretGroup">The group holding the value, as the rule says; null: found by <see cref="ValueGroup"/>.</param>
    public RulePattern(string text, RegexOptions options, TimeSpan timeout, int? secretGroup = null)
    {
        Key = $"{(int)options}/{text}";
        _built = new Lazy<Built>(() => Analyse(DefaultRuleRegexes.FindOrBuild(text, options, timeout), secretGroup));
    }

    /// <summary>A regex already built (and so already checked), e.g. translated from a gitleaks rule.</summary>
    public RulePattern(Regex regex, int? secretGroup)
    {
        Key = $"{(int)regex.Options}/{regex}";
        _built = new Lazy<Built>(() => Analyse(regex, secretGroup));
    }

    /// <summary>
    /// Two rules share matches only when pattern and options (case, multi-line...) are the same: this string says
    /// both, without building the regex.
    /// </summary>
    public string Key { get; }

    /// <summary>The regex: generated at build time for the default rules (<see cref="DefaultRuleRegexes"/>), else interpreted (cheap to build).</summary>
    /// <exception cref="ArgumentException">The text is not a valid .NET regex (<see cref="RuleSet"/> asks for it while
    /// loading a user's rule file, so only the tested default rules are built this late).</exception>
    public Regex Regex => _built.Value.Regex;

    /// <summary>Number of the group holding the value.</summary>
    public int SecretGroup => _built.Value.SecretGroup;

    /// <summary>True when every match lies on one line (<see cref="LineAnchors"/>).</summary>
    public bool IsOneLine => _built.Value.IsOneLine;

    /// <summary>The lines the regex can match on, or null when it must run on the whole text.</summary>
    public LineWindows? Windows => _built.Value.Windows;

    private static Built Analyse(Regex regex, int? secretGroup)
    {
        var oneLine = LineAnchors.Of(regex);
        return new Built(
            regex,
            secretGroup ?? ValueGroup(regex),
            oneLine is not null,
            oneLine?.Anchors is null ? null : new LineWindows(oneLine, regex));
    }

    /// <summary>The group named <c>secret</c>, else 1, else 0.</summary>
    private static int ValueGroup(Regex regex)
    {
        var named = regex.GroupNumberFromName("secret");
        if (named >= 0)
        {
            return named;
        }

        return regex.GetGroupNumbers().Length > 1 ? 1 : 0;
    }

    private sealed record Built(Regex Regex, int SecretGroup, bool IsOneLine, LineWindows? Windows);
}
