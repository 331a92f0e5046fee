using System.Text.Json;
using System.Text.RegularExpressions;
using DotNet.Globbing;
using Tradeguard.Core.Errors;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// The rules a scan runs: the embedded default file (src/Tradeguard.Scanner/Rules/default-rules.json) plus any
/// user file given with <c>--rules</c>. A user rule with the id of a default rule replaces it.
/// </summary>
public sealed class RuleSet
{
    /// <summary>Ids of the checks built into the scanner (kind <c>file</c>): they need code, not a regex.</summary>
    public static IReadOnlyList<string> BuiltInFileChecks { get; } =
        ["secret-file-tracked", "secret-file-not-ignored", "secret-file-permissions"];

    /// <summary>Time one regex may spend on one file before the file is reported as skipped.</summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    private const RegexOptions PatternOptions = RegexOptions.CultureInvariant;

    private static readonly Regex IdShape = new("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

    private static readonly Regex DefineReference = new(@"\{\{([a-z]+)\}\}", RegexOptions.CultureInvariant);

    internal RuleSet(IReadOnlyList<ScanRule> rules, IReadOnlyList<DocumentedExample> examples, GlobalAllowlist? allowlist = null)
    {
        Rules = rules;
        Examples = examples;
        Allowlist = allowlist ?? GlobalAllowlist.None;
        ById = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// Published documentation examples (Telegram's, Binance's, Kraken's, AWS's example keys), by SHA-256: every secret
    /// rule reports a match equal to one as an example at info, whatever the file type, so a value is graded the same
    /// in <c>.env</c> and in <c>.py</c>.
    /// </summary>
    public IReadOnlyList<DocumentedExample> Examples { get; }

    /// <summary>What a gitleaks rule file's global <c>[allowlist]</c> excludes for every rule (empty by default).</summary>
    public GlobalAllowlist Allowlist { get; }

    /// <summary>
    /// All rules, in the order an overlap is decided (the first to match a value reports it): a user file's new rules,
    /// then the built-in file's order, specific rules before generic ones.
    /// </summary>
    public IReadOnlyList<ScanRule> Rules { get; }

    /// <summary>Rules by id.</summary>
    public IReadOnlyDictionary<string, ScanRule> ById { get; }

    /// <summary>Loads the embedded default rules.</summary>
    public static RuleSet Default()
    {
        var (rules, examples) = LoadDefaultRules();
        return new RuleSet(rules, examples);
    }

    /// <summary>
    /// Loads the default rules plus the rules in <paramref name="userRuleFile"/>: a rule file of ours (JSON, same
    /// format), whose rules join the defaults, or a gitleaks config (<c>.toml</c>, <see cref="GitleaksConfig"/>), whose
    /// rules replace the defaults unless it says <c>[extend] useDefault = true</c>. A user rule with a default rule's id
    /// replaces it; rules with new ids are tried before the defaults, so a value both match is reported under the user's.
    /// </summary>
    /// <exception cref="TradeguardException">The file is missing (exit 2) or not a valid rule file (exit 5); the
    /// message names the file, the rule and the field.</exception>
    public static RuleSet WithUserRules(string userRuleFile)
    {
        if (!File.Exists(userRuleFile))
        {
            throw new TradeguardException(ExitCode.Usage, $"rule file '{userRuleFile}' does not exist");
        }

        var (defaults, examples) = LoadDefaultRules();
        if (userRuleFile.EndsWith(".toml", StringComparison.OrdinalIgnoreCase))
        {
            var gitleaks = GitleaksConfig.Load(File.ReadAllText(userRuleFile), userRuleFile);
            var kept = defaults.Where(r => (gitleaks.UseDefault || r.Kind == RuleKind.File) && !gitleaks.DisabledRules.Contains(r.Id));
            return new RuleSet(Merge(kept, gitleaks.Rules), examples, gitleaks.Allowlist);
        }

        return new RuleSet(Merge(defaults, Parse(File.ReadAllText(userRuleFile), userRuleFile).Rules), examples);
    }

    /// <summary>
    /// The defaults with same-id user rules in their place, after the user's new rules: the first rule to match a value
    /// reports it, and a team's own rule (its token format) must win over a built-in generic one (an assignment to
    /// <c>token</c>), as gitleaks lets a specific rule's finding replace a generic rule's on the same secret.
    /// </summary>
    private static List<ScanRule> Merge(IEnumerable<ScanRule> defaults, IEnumerable<ScanRule> user)
    {
        var merged = defaults.ToList();
        var added = new List<ScanRule>();
        foreach (var rule in user)
        {
            var at = merged.FindIndex(r => r.Id == rule.Id);
            if (at >= 0)
            {
                merged[at] = rule;
            }
            else
            {
                added.Add(rule);
            }
        }

        return [.. added, .. merged];
    }

    private static (List<ScanRule> Rules, List<DocumentedExample> Examples) LoadDefaultRules()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream("Tradeguard.Scanner.default-rules.json")
            ?? throw new InvalidOperationException("the default rule file is not embedded in Tradeguard.Scanner");
        using var reader = new StreamReader(stream);
        // The embedded patterns are built when first needed (RulePattern): every one of them is built and run on the
        // corpus in CI (CorpusTests), so none can fail to compile in a user's scan.
        return Parse(reader.ReadToEnd(), "default-rules.json", buildPatternsNow: false);
    }

    /// <summary>
    /// Parses and compiles a rule file's text; <paramref name="origin"/> names it in error messages. With
    /// <paramref name="buildPatternsNow"/> false, rule regexes are checked when first used instead (only for the
    /// embedded rules, which CI checks).
    /// </summary>
    internal static (List<ScanRule> Rules, List<DocumentedExample> Examples) Parse(string json, string origin, bool buildPatternsNow = true)
    {
        RuleFileModel? model;
        try
        {
            model = JsonSerializer.Deserialize(json, RuleFileJsonContext.Default.RuleFileModel);
        }
        catch (JsonException e)
        {
            throw Invalid(origin, $"is not valid JSON or not a rule file ({JsonProblem.Describe(e)})");
        }

        if (model?.Rules is null || model.Version != 1)
        {
            throw Invalid(origin, "needs \"version\": 1 and a \"rules\" array");
        }

        var rules = new List<ScanRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var defines = model.Defines ?? [];
        for (var i = 0; i < model.Rules.Count; i++)
        {
            var rule = Compile(model.Rules[i], i, origin, defines, buildPatternsNow);
            if (!seen.Add(rule.Id))
            {
                throw Invalid(origin, $"has rule id '{rule.Id}' twice");
            }

            rules.Add(rule);
        }

        return (rules, ParseExamples(model.Examples, origin, "examples"));
    }

    private static List<DocumentedExample> ParseExamples(List<ExampleModel>? models, string origin, string where)
    {
        var examples = new List<DocumentedExample>();
        foreach (var e in models ?? [])
        {
            if (e.Sha256 is null || !Regex.IsMatch(e.Sha256, "^[0-9a-f]{64}$"))
            {
                throw Invalid(origin, $"{where}[].sha256 must be 64 lower-case hex digits");
            }

            examples.Add(new DocumentedExample(e.Sha256, e.Source ?? "documentation"));
        }

        return examples;
    }

    /// <summary>Replaces each <c>{{name}}</c> by its fragment from <c>$defines</c> (fragments may use others).</summary>
    private static string Expand(string regex, Dictionary<string, string> defines, string origin, string where, int depth = 0)
    {
        if (depth > 8)
        {
            throw Invalid(origin, $"{where}: $defines nest too deep (a fragment refers to itself?)");
        }

        return DefineReference.Replace(regex, m => defines.TryGetValue(m.Groups[1].Value, out var fragment)
            ? Expand(fragment, defines, origin, where, depth + 1)
            : throw Invalid(origin, $"{where}: {{{{{m.Groups[1].Value}}}}} is not in $defines"));
    }

    private static ScanRule Compile(RuleModel m, int index, string origin, Dictionary<string, string> defines, bool buildPatternNow)
    {
        var id = m.Id ?? "";
        var where = $"rule #{index + 1} ('{id}')";
        if (!IdShape.IsMatch(id))
        {
            throw Invalid(origin, $"{where}: id must be kebab-case (a-z, 0-9, '-')");
        }

        var kind = m.Kind switch
        {
            "secret" => RuleKind.Secret,
            "practice" => RuleKind.Practice,
            "file" => RuleKind.File,
            _ => throw Invalid(origin, $"{where}: kind must be secret, practice or file"),
        };
        if (!SeverityNames.TryParse(m.Severity, out var severity))
        {
            throw Invalid(origin, $"{where}: severity must be one of {string.Join(", ", SeverityNames.All)}");
        }

        if (string.IsNullOrWhiteSpace(m.Description) || string.IsNullOrWhiteSpace(m.Fix))
        {
            throw Invalid(origin, $"{where}: needs a description and a one-line fix");
        }

        if (kind == RuleKind.File)
        {
            if (!BuiltInFileChecks.Contains(id))
            {
                throw Invalid(origin, $"{where}: kind 'file' is only for the built-in checks {string.Join(", ", BuiltInFileChecks)}");
            }

            return new ScanRule(id, kind, severity, m.Description!, m.Fix!, [], null, 0, 0, [], [], [], []);
        }

        var keywords = (m.Keywords ?? []).Where(k => !string.IsNullOrEmpty(k)).ToList();
        if (keywords.Count == 0)
        {
            throw Invalid(origin, $"{where}: needs at least one keyword for the prefilter");
        }

        var pattern = PatternOf(m.Regex is null ? null : Expand(m.Regex, defines, origin, $"{where}: regex"), origin, $"{where}: regex", buildPatternNow);
        var allowlist = (m.Allowlist ?? []).Select((a, n) => CompileRegex(a, origin, $"{where}: allowlist #{n + 1}")).ToList();
        var examples = ParseExamples(m.Examples, origin, $"{where}: examples");
        if (m.Entropy is < 0 or > 8 || m.MinLength < 0)
        {
            throw Invalid(origin, $"{where}: entropy must be 0-8 bits per character, minLength not negative");
        }

        var paths = (m.Paths ?? []).Select(Glob.Parse).ToList();
        var context = (m.Context ?? []).Where(k => !string.IsNullOrEmpty(k)).ToList();
        return new ScanRule(id, kind, severity, m.Description!, m.Fix!, keywords, pattern, m.Entropy, m.MinLength,
            allowlist, m.Stopwords ?? [], examples, paths, context, fileKinds: ParseFileKinds(m.FileKinds, origin, where));
    }

    private static FileKinds ParseFileKinds(List<string>? names, string origin, string where) =>
        (names ?? []).Aggregate(FileKinds.Any, (kinds, name) => kinds | name switch
        {
            "code" => FileKinds.Code,
            "config" => FileKinds.Config,
            _ => throw Invalid(origin, $"{where}: fileKinds may hold only \"code\" and \"config\", not \"{name}\""),
        });

    internal static Regex CompileRegex(string? text, string origin, string what)
    {
        try
        {
            return new Regex(PatternText(text, origin, what), PatternOptions, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw Invalid(origin, $"{what} does not compile: {e.Message}");
        }
    }

    private static RulePattern PatternOf(string? text, string origin, string what, bool buildNow) =>
        buildNow
            ? new RulePattern(CompileRegex(text, origin, what), secretGroup: null)
            : new RulePattern(PatternText(text, origin, what), PatternOptions, MatchTimeout);

    private static string PatternText(string? text, string origin, string what) =>
        string.IsNullOrEmpty(text) ? throw Invalid(origin, $"{what} is missing") : text;

    internal static TradeguardException Invalid(string origin, string problem) =>
        new(ExitCode.Configuration, $"rule file '{origin}' {problem}; see docs/scan.md, \"Rule file\"");
}
