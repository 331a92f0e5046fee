using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>One compiled rule from a rule file (docs/scan.md, "Rule file").</summary>
public sealed class ScanRule
{
    private readonly RulePattern? _pattern;

    internal ScanRule(string id, RuleKind kind, Severity severity, string description, string fix,
        IReadOnlyList<string> keywords, RulePattern? pattern, double entropyFloor, int minLength,
        IReadOnlyList<Regex> allowlist, IReadOnlyList<string> stopwords, IReadOnlyList<DocumentedExample> examples,
        IReadOnlyList<DotNet.Globbing.Glob> paths, IReadOnlyList<string>? context = null, Regex? pathPattern = null,
        IReadOnlyList<Regex>? excludedPaths = null, FileKinds fileKinds = FileKinds.Any,
        IReadOnlyList<ConditionalAllowlist>? conditionalAllowlists = null)
    {
        ConditionalAllowlists = conditionalAllowlists ?? [];
        FileKinds = fileKinds;
        ExcludedPaths = excludedPaths ?? [];
        Context = context ?? [];
        PathPattern = pathPattern;
        Id = id;
        Kind = kind;
        Severity = severity;
        Description = description;
        Fix = fix;
        Keywords = keywords;
        _pattern = pattern;
        EntropyFloor = entropyFloor;
        MinLength = minLength;
        Allowlist = allowlist;
        Stopwords = stopwords;
        Examples = examples;
        Paths = paths;
    }

    /// <summary>Stable kebab-case id, e.g. <c>telegram-bot-token</c>.</summary>
    public string Id { get; }

    /// <summary>What the rule looks for.</summary>
    public RuleKind Kind { get; }

    /// <summary>Severity of a finding (documentation examples are lowered to <see cref="Rules.Severity.Info"/>).</summary>
    public Severity Severity { get; }

    /// <summary>One or two sentences for people: what is found and why it matters.</summary>
    public string Description { get; }

    /// <summary>One line telling the user what to do.</summary>
    public string Fix { get; }

    /// <summary>Case-insensitive prefilter words: the regex runs only on text holding at least one.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>
    /// The pattern (interpreted: cheap to build), built on first use (<see cref="RulePattern"/>); null for built-in
    /// <see cref="RuleKind.File"/> checks and gitleaks path-only rules.
    /// </summary>
    public Regex? Pattern => _pattern?.Regex;

    /// <summary>True when the rule has a pattern, without building it.</summary>
    internal bool HasPattern => _pattern is not null;

    /// <summary>Pattern and options as one string (<see cref="RulePattern.Key"/>); rules with equal keys share matches.</summary>
    internal string? PatternKey => _pattern?.Key;

    /// <summary>
    /// The same pattern compiled to IL, built on first use and shared by every rule with that pattern
    /// (<see cref="CompiledRegexes"/>): worth its start-up cost only on large trees, so small scans (a pre-commit hook)
    /// use <see cref="Pattern"/>.
    /// </summary>
    internal Regex? CompiledPattern => Pattern is null ? null : CompiledRegexes.Of(Pattern);

    /// <summary>
    /// True when every match of the pattern lies on one line (<see cref="LineAnchors"/>), groups and lookarounds
    /// included: a match's scope (<see cref="Context"/>) can then be judged by the line it starts on.
    /// </summary>
    internal bool IsOneLine => _pattern?.IsOneLine ?? false;

    /// <summary>
    /// The lines the pattern can match on (<see cref="LineWindows"/>), or null when it must run on the whole text: the
    /// regex needs to run only on those lines.
    /// </summary>
    internal LineWindows? Windows => _pattern?.Windows;

    /// <summary>Minimum Shannon entropy of a secret value, in bits per character (0 = no floor).</summary>
    public double EntropyFloor { get; }

    /// <summary>Minimum length of a secret value, in characters.</summary>
    public int MinLength { get; }

    /// <summary>A value matching any of these is a placeholder.</summary>
    public IReadOnlyList<Regex> Allowlist { get; }

    /// <summary>gitleaks allowlists that test the match or line, or need all their conditions (<see cref="ConditionalAllowlist"/>).</summary>
    public IReadOnlyList<ConditionalAllowlist> ConditionalAllowlists { get; }

    /// <summary>A value containing any of these words (case-insensitive) is a placeholder.</summary>
    public IReadOnlyList<string> Stopwords { get; }

    /// <summary>Published documentation examples, reported as examples rather than leaks.</summary>
    public IReadOnlyList<DocumentedExample> Examples { get; }

    /// <summary>
    /// Words of which one must occur in the match's scope, case-insensitive, at a word start (see
    /// <see cref="Detection.KeywordScope"/>): on its line, or on a line opening its enclosing block (an INI/TOML section,
    /// a parent YAML/JSON key, a class, a call). Empty: no such condition. "A 64-character key with binance in scope".
    /// </summary>
    public IReadOnlyList<string> Context { get; }

    /// <summary>Globs the file's relative path must match (empty: every file).</summary>
    public IReadOnlyList<DotNet.Globbing.Glob> Paths { get; }

    /// <summary>The kinds of file the rule reads; <see cref="FileKinds.Any"/>: every file.</summary>
    public FileKinds FileKinds { get; }

    /// <summary>A regex the relative path must match (gitleaks' <c>path</c>); null: none.</summary>
    public Regex? PathPattern { get; }

    /// <summary>Regexes on the relative path: a matching file is not scanned by this rule (gitleaks' rule allowlist <c>paths</c>).</summary>
    public IReadOnlyList<Regex> ExcludedPaths { get; }

    /// <summary>Number of the regex group holding the value: as the rule says (gitleaks' <c>secretGroup</c>), else the group named <c>secret</c>, else 1, else 0.</summary>
    internal int SecretGroup => _pattern?.SecretGroup ?? 0;

    private bool IsOfKind(string relativePath) =>
        FileKinds == FileKinds.Any
        || (FileKinds.HasFlag(FileKinds.Code) && SourceCodeFile.Is(relativePath))
        || (FileKinds.HasFlag(FileKinds.Config) && Hygiene.ConfigOrKeyFile.Is(relativePath));

    /// <summary>True when this rule applies to the file at <paramref name="relativePath"/> (forward slashes).</summary>
    internal bool AppliesTo(string relativePath)
    {
        if (!IsOfKind(relativePath)
            || (PathPattern is not null && !PathPattern.IsMatch(relativePath))
            || ExcludedPaths.Any(p => p.IsMatch(relativePath)))
        {
            return false;
        }

        if (Paths.Count == 0)
        {
            return true;
        }

        foreach (var glob in Paths)
        {
            if (glob.IsMatch(relativePath))
            {
                return true;
            }
        }

        return false;
    }
}
