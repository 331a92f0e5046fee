using System.Globalization;
using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;
using Tradeguard.Core.Errors;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// Reads a gitleaks configuration file (<c>.gitleaks.toml</c>, gitleaks v8 format: github.com/gitleaks/gitleaks,
/// README "Configuration") with Tomlyn, so a team's rules and allowlists carry over. Supported: <c>[extend]</c>
/// <c>useDefault</c> and <c>disabledRules</c>; <c>[[rules]]</c> with <c>id</c>, <c>description</c>, <c>regex</c>,
/// <c>secretGroup</c>, <c>entropy</c>, <c>keywords</c>, <c>path</c>, <c>tags</c> and allowlists
/// (<c>[rules.allowlist]</c> or <c>[[rules.allowlists]]</c>: <c>regexes</c>, <c>paths</c>, <c>stopwords</c>,
/// <c>regexTarget = "secret" | "match" | "line"</c>, <c>condition = "OR" | "AND"</c>); the global <c>[allowlist]</c> /
/// <c>[[allowlists]]</c> (<c>regexes</c> on the secret, <c>paths</c>, <c>stopwords</c>); <c>minVersion</c>. gitleaks'
/// own default config (config/gitleaks.toml) loads. Anything else is refused with its name, never ignored: a
/// rule file that silently does less than its author meant would be a false sense of safety.
/// Regexes are RE2 and are translated by <see cref="GoRegex"/>. Rules are secrets at severity high (gitleaks has no
/// severities); the <c>[extend]</c> "default" is Tradeguard's default rule set, not gitleaks'.
/// </summary>
internal static class GitleaksConfig
{
    private static readonly string[] TopFields = ["title", "description", "minVersion", "extend", "rules", "allowlist", "allowlists"];
    private static readonly string[] ExtendFields = ["useDefault", "disabledRules"];
    private static readonly string[] RuleFields = ["id", "description", "regex", "secretGroup", "entropy", "keywords", "path", "tags", "allowlist", "allowlists"];
    private const string PathOnlyFix = "take the file out of the tree (and its history), keep it outside the project, and rotate what it holds";
    private static readonly string[] AllowlistFields = ["description", "regexes", "paths", "stopwords", "regexTarget", "condition"];

    /// <summary>What the file holds, ready for <see cref="RuleSet"/>.</summary>
    /// <param name="UseDefault">Whether the default rules run too (<c>[extend] useDefault = true</c>).</param>
    /// <param name="DisabledRules">Default rule ids to leave out (<c>[extend] disabledRules</c>).</param>
    /// <param name="Rules">The file's rules.</param>
    /// <param name="Allowlist">The global allowlist.</param>
    internal sealed record Loaded(bool UseDefault, IReadOnlyList<string> DisabledRules, IReadOnlyList<ScanRule> Rules, GlobalAllowlist Allowlist);

    /// <summary>Parses <paramref name="toml"/>; <paramref name="origin"/> names the file in errors.</summary>
    /// <exception cref="TradeguardException">Not TOML, an unsupported field, or a regex that does not translate (exit 5); the message names the field.</exception>
    public static Loaded Load(string toml, string origin)
    {
        TomlTable model;
        try
        {
            model = TomlSerializer.Deserialize<TomlTable>(toml) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            throw RuleSet.Invalid(origin, $"is not valid TOML: {e.Message}");
        }

        Only(model, TopFields, origin, "top level");
        if (model.TryGetValue("minVersion", out var minVersion) && minVersion is not string)
        {
            throw RuleSet.Invalid(origin, "top level: minVersion must be a string such as \"v8.25.0\"");
        }

        var extend = Table(model, "extend", origin, "top level");
        var useDefault = false;
        IReadOnlyList<string> disabled = [];
        if (extend is not null)
        {
            Only(extend, ExtendFields, origin, "[extend] (extending another file with 'path' is not supported: merge the files)");
            useDefault = extend.TryGetValue("useDefault", out var u) && (u as bool? ?? throw RuleSet.Invalid(origin, "[extend] useDefault must be true or false"));
            disabled = Strings(extend, "disabledRules", origin, "[extend]");
        }

        var rules = new List<ScanRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ruleTables = model.TryGetValue("rules", out var r) ? r as TomlTableArray ?? throw RuleSet.Invalid(origin, "'rules' must be an array of tables ([[rules]])") : [];
        for (var i = 0; i < ruleTables.Count; i++)
        {
            var rule = Rule(ruleTables[i], i, origin);
            if (!ids.Add(rule.Id))
            {
                throw RuleSet.Invalid(origin, $"has rule id '{rule.Id}' twice");
            }

            rules.Add(rule);
        }

        var global = Allowlists(model, origin, "global allowlist");
        if (global.Conditional.Count > 0)
        {
            throw RuleSet.Invalid(origin, "global allowlist: regexTarget \"match\"/\"line\" and condition \"AND\" are supported in rule allowlists only");
        }

        return new Loaded(useDefault, disabled, rules, new GlobalAllowlist(global.Values, global.Stopwords, global.Paths));
    }

    private static ScanRule Rule(TomlTable t, int index, string origin)
    {
        var id = t.TryGetValue("id", out var i) ? i as string ?? "" : "";
        var where = $"rules[{index}] ('{id}')";
        Only(t, RuleFields, origin, where);
        if (id.Length == 0)
        {
            throw RuleSet.Invalid(origin, $"{where}: needs an id");
        }

        var regexText = t.TryGetValue("regex", out var re) ? re as string : null;
        var path = t.TryGetValue("path", out var p) ? Translate(p as string, origin, $"{where}: path") : null;
        if (regexText is null && path is null)
        {
            throw RuleSet.Invalid(origin, $"{where}: needs a regex or a path");
        }

        var description = t.TryGetValue("description", out var d2) && d2 is string text && text.Length > 0 ? text : $"gitleaks rule {id}";
        if (regexText is null)
        {
            // A path-only rule: the matching file itself is the secret (Detection/PathRules).
            Only(t, ["id", "description", "path", "tags", "keywords"], origin, $"{where} (a rule with 'path' and no 'regex')");
            _ = Strings(t, "tags", origin, where);
            return new ScanRule(id, RuleKind.Secret, Severity.High, description, PathOnlyFix, Strings(t, "keywords", origin, where), null, 0, 0,
                [], [], [], [], pathPattern: path);
        }

        var pattern = Translate(regexText, origin, $"{where}: regex")!;
        int? secretGroup = null;
        if (t.TryGetValue("secretGroup", out var g))
        {
            secretGroup = g is long n && n >= 0 && n < pattern.GetGroupNumbers().Length
                ? GoRegex.GroupNumber(regexText, (int)n, pattern)
                : throw RuleSet.Invalid(origin, $"{where}: secretGroup must be a group number of the regex (0-{pattern.GetGroupNumbers().Length - 1})");
        }

        var entropy = t.TryGetValue("entropy", out var e)
            ? e switch { double d => d, long l => l, _ => throw RuleSet.Invalid(origin, $"{where}: entropy must be a number") }
            : 0;
        if (entropy is < 0 or > 8)
        {
            throw RuleSet.Invalid(origin, $"{where}: entropy must be 0-8 bits per character");
        }

        _ = Strings(t, "tags", origin, where);
        var allow = Allowlists(t, origin, where);
        return new ScanRule(id, RuleKind.Secret, Severity.High, description, "move the value to the vault (`tradeguard vault set <service> <name>`) and rotate it",
            Strings(t, "keywords", origin, where), new RulePattern(pattern, secretGroup), entropy, 0, allow.Values, allow.Stopwords, [], [],
            pathPattern: path, excludedPaths: allow.Paths, conditionalAllowlists: allow.Conditional);
    }

    /// <summary>
    /// The allowlists of a rule or of the file: <c>[allowlist]</c> and/or <c>[[allowlists]]</c>. Those that test the
    /// secret with OR (gitleaks' defaults) are merged into plain value, stop-word and path lists; the others are kept
    /// whole as <see cref="ConditionalAllowlist"/>s.
    /// </summary>
    private static (List<Regex> Values, List<string> Stopwords, List<Regex> Paths, List<ConditionalAllowlist> Conditional) Allowlists(
        TomlTable owner, string origin, string where)
    {
        var tables = new List<TomlTable>();
        if (Table(owner, "allowlist", origin, where) is { } single)
        {
            tables.Add(single);
        }

        if (owner.TryGetValue("allowlists", out var many))
        {
            tables.AddRange(many as TomlTableArray ?? throw RuleSet.Invalid(origin, $"{where}: 'allowlists' must be an array of tables ([[allowlists]])"));
        }

        var result = (Values: new List<Regex>(), Stopwords: new List<string>(), Paths: new List<Regex>(), Conditional: new List<ConditionalAllowlist>());
        foreach (var a in tables)
        {
            var at = $"{where} allowlist";
            Only(a, AllowlistFields, origin, $"{at} ('commits' and 'targetRules' are not supported)");
            var target = a.TryGetValue("regexTarget", out var t) ? t switch
            {
                "secret" => AllowlistTarget.Secret,
                "match" => AllowlistTarget.Match,
                "line" => AllowlistTarget.Line,
                _ => throw RuleSet.Invalid(origin, $"{at}: regexTarget '{t}' is not one of \"secret\", \"match\", \"line\""),
            } : AllowlistTarget.Secret;
            var requireAll = a.TryGetValue("condition", out var c) && (c switch
            {
                "OR" => false,
                "AND" => true,
                _ => throw RuleSet.Invalid(origin, $"{at}: condition '{c}' is not \"OR\" or \"AND\""),
            });

            var regexes = Strings(a, "regexes", origin, at).Select((x, n) => Translate(x, origin, $"{at} regexes[{n}]")!).ToList();
            var paths = Strings(a, "paths", origin, at).Select((x, n) => Translate(x, origin, $"{at} paths[{n}]")!).ToList();
            var stopwords = Strings(a, "stopwords", origin, at);
            var kinds = (regexes.Count > 0 ? 1 : 0) + (paths.Count > 0 ? 1 : 0) + (stopwords.Count > 0 ? 1 : 0);
            if (target == AllowlistTarget.Secret && !(requireAll && kinds > 1))
            {
                result.Values.AddRange(regexes);
                result.Paths.AddRange(paths);
                result.Stopwords.AddRange(stopwords);
            }
            else
            {
                result.Conditional.Add(new ConditionalAllowlist(target, regexes, stopwords, paths, requireAll));
            }
        }

        return result;
    }

    private static Regex? Translate(string? re2, string origin, string what)
    {
        if (re2 is null)
        {
            return null;
        }

        try
        {
            return RuleSet.CompileRegex(GoRegex.ToDotNet(re2), origin, what);
        }
        catch (ArgumentException e)
        {
            throw RuleSet.Invalid(origin, $"{what}: {e.Message}");
        }
    }

    private static void Only(TomlTable table, string[] supported, string origin, string where)
    {
        foreach (var key in table.Keys)
        {
            if (!supported.Contains(key, StringComparer.Ordinal))
            {
                throw RuleSet.Invalid(origin, $"{where}: field '{key}' is not supported (supported: {string.Join(", ", supported)})");
            }
        }
    }

    private static TomlTable? Table(TomlTable owner, string key, string origin, string where) =>
        owner.TryGetValue(key, out var v) ? v as TomlTable ?? throw RuleSet.Invalid(origin, $"{where}: '{key}' must be a table ([{key}])") : null;

    private static List<string> Strings(TomlTable owner, string key, string origin, string where)
    {
        if (!owner.TryGetValue(key, out var v))
        {
            return [];
        }

        return v is TomlArray array && array.All(x => x is string)
            ? [.. array.Cast<string>()]
            : throw RuleSet.Invalid(origin, $"{where}: '{key}' must be an array of strings");
    }
}
