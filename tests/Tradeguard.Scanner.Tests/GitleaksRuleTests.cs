using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tradeguard.Scanner.Rules;
using Xunit.Abstractions;

namespace Tradeguard.Scanner.Tests;

/// <summary>
/// Recall and precision on material we did not write (issue 15): gitleaks' own per-rule test cases
/// (github.com/gitleaks/gitleaks, commit b58d3f10, cmd/generate/config/rules/*.go), extracted as strings into
/// Gitleaks/rule-cases.json by bench/scanner/gitleaks_rule_tests.py. Every true positive must be found, in every
/// context, by our rule for its service, and no false positive may be flagged, except the deliberate differences listed
/// here (and in docs/scan.md, "gitleaks' own rule tests"), each with its reason.
/// </summary>
public sealed partial class GitleaksRuleTests(ITestOutputHelper output)
{
    private sealed record Case(string Id, string GitleaksRule, string Service, bool IsTruePositive, string Text, string? Sample, bool Generated);

    private sealed record Deliberate(string Reason, Func<Case, string, bool> Applies);

    /// <summary>True positives of gitleaks' tests we decided not to report; each predicate takes the case and the context file.</summary>
    private static readonly Deliberate[] DeliberateMisses =
    [
        new("the case is only the constant prefix of a short-lived Bedrock key (base64 of 'bedrock.amazonaws.com'), no credential",
            (c, _) => c.GitleaksRule == "aws-amazon-bedrock-api-key-short-lived"),
        new("'\"type\": \"service_account\"' holds no secret; we report the service account's private_key_id and private key",
            (c, _) => c.GitleaksRule == "gcp-service-account"),
        new("a Discord client id is public (it is in every OAuth URL of the application)",
            (c, _) => c.GitleaksRule == "discord-client-id"),
        new("gitleaks generates this Discord client secret from digits only (3.3 bits/char, under the generic 3.5); real ones are letters and digits",
            (c, _) => c.GitleaksRule == "discord-client-secret"),
        new("generated as 'ey' + random characters: not a JWT, whose header and claims are base64url JSON objects and so begin 'eyJ'",
            (c, _) => c.GitleaksRule == "jwt" && c.Generated && !Regex.IsMatch(c.Text, @"eyJ[\w-]{15,}\.eyJ")),
        new("a Stripe test key (sk_test_) reaches no money",
            (c, _) => c.Text.Contains("sk_test_", StringComparison.Ordinal)),
        new("the value says 'fake' (abc12fake-...): a placeholder by our documented rules",
            (c, _) => c.Id == "anthropic-admin-api-key/tp1"),
        new("gitleaks' sample Slack workspace token is mostly '1's (2.9 bits/char, under our Slack rule's 3.0)",
            (c, _) => c.Text.Contains("xoxa-2-511111111-31111111111-3111111111111", StringComparison.Ordinal)),
        new("a value on its own line inside an XML element is not an assignment we read",
            (c, _) => c.Sample == "xml - element multiline"),
        new("'user_auth', 'mySecretString', 'todo_secret_do_not_commit': names that do not end in a credential word",
            (c, _) => c.Id is "generic-api-key/tp55" or "generic-api-key/tp61" or "generic-api-key/tp62"),
    ];

    /// <summary>False positives of gitleaks' tests that we flag on purpose.</summary>
    private static readonly Deliberate[] DeliberateAlarms =
    [
        new("an Anthropic admin key (sk-ant-admin01-) is a true positive of gitleaks' other Anthropic rule; ours covers both",
            (c, _) => c.Id == "anthropic-api-key/fp3"),
        new("a UUID assigned to a key id outside documentation: a key id travels with its secret (Coinbase, KMS), so we report it",
            (c, _) => c.Id == "generic-api-key/fp44"),
        new("a Maven coordinate in prose ('io.jsonwebtoken:jjwt-jackson-0.11.2') reads as 'token: value'",
            (c, _) => c.Id == "generic-api-key/fp67"),
    ];

    private static readonly Lazy<(List<Case> Cases, Dictionary<string, string[]?> Services)> Data = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gitleaks", "rule-cases.json")));
        var services = doc.RootElement.GetProperty("services").EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.EnumerateArray().Select(r => r.GetString()!).ToArray());
        var cases = doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("id").GetString()!,
            c.GetProperty("gitleaksRule").GetString()!,
            c.GetProperty("service").GetString()!,
            c.GetProperty("kind").GetString() == "tp",
            c.GetProperty("text").GetString()!,
            c.TryGetProperty("sample", out var s) ? s.GetString() : null,
            c.TryGetProperty("generatedFrom", out _))).ToList();
        return (cases, services);
    });

    [Fact]
    public void Data_HoldsGitleaksCasesForEveryServiceWeCover()
    {
        var (cases, services) = Data.Value;
        Assert.Equal(1624, cases.Count(c => c.IsTruePositive));
        Assert.Equal(168, cases.Count(c => !c.IsTruePositive));
        Assert.Empty(services.Keys.Except(cases.Select(c => c.Service)));
        var ruleIds = RuleSet.Default().Rules.Select(r => r.Id).ToHashSet();
        Assert.Empty(services.Values.OfType<string[]>().SelectMany(r => r).Except(ruleIds));
    }

    [Fact]
    public void EveryTruePositiveIsFound_AndNoFalsePositiveFlagged_ExceptTheDeliberateDifferences()
    {
        var (cases, services) = Data.Value;
        using var tree = new TestTree();
        var written = new Dictionary<string, (Case Case, string File)>();
        for (var n = 0; n < cases.Count; n++)
        {
            foreach (var (file, content) in Contexts(cases[n]))
            {
                var path = $"c{n:D4}/{file}";
                tree.Write(path, content);
                written[path] = (cases[n], file);
            }
        }

        var found = SecretScanner.Scan(new ScanOptions { Root = tree.Root }).Findings
            .Where(f => f.Kind == RuleKind.Secret && !f.IsExample)
            .GroupBy(f => f.Path)
            .ToDictionary(g => g.Key, g => g.Select(f => f.RuleId).ToHashSet());

        var mistakes = new StringBuilder();
        var usedMisses = new HashSet<Deliberate>();
        var usedAlarms = new HashSet<Deliberate>();
        int truePositives = 0, missed = 0, falsePositives = 0, flagged = 0;
        foreach (var (path, (c, file)) in written)
        {
            var rules = found.GetValueOrDefault(path) ?? [];
            var expect = services[c.Service];
            if (c.IsTruePositive)
            {
                truePositives++;
                if (expect is null ? rules.Count > 0 : rules.Overlaps(expect))
                {
                    continue;
                }

                missed++;
                var reason = DeliberateMisses.FirstOrDefault(d => d.Applies(c, file));
                if (reason is null)
                {
                    mistakes.AppendLine($"missed {c.Id} in {file} (found: {string.Join(",", rules)}): {c.Text}");
                }
                else
                {
                    usedMisses.Add(reason);
                }
            }
            else
            {
                falsePositives++;
                // gitleaks' fps are per rule; a random value under a *_token name is what the generic rule reports
                // (gitleaks' generic-api-key too), so it counts only on generic-api-key's own fps.
                var alarms = expect is null ? rules : rules.Where(r => r != "generic-api-secret").ToHashSet();
                if (alarms.Count == 0)
                {
                    continue;
                }

                flagged++;
                var reason = DeliberateAlarms.FirstOrDefault(d => d.Applies(c, file));
                if (reason is null)
                {
                    mistakes.AppendLine($"flagged {c.Id} in {file} by {string.Join(",", alarms)}: {c.Text}");
                }
                else
                {
                    usedAlarms.Add(reason);
                }
            }
        }

        output.WriteLine($"true positives found {truePositives - missed}/{truePositives}, false positives flagged {flagged}/{falsePositives}");
        output.WriteLine(mistakes.ToString());
        Assert.True(mistakes.Length == 0, mistakes.ToString());
        // Every listed difference still happens: a list of exceptions that no longer apply would hide a regression.
        Assert.Empty(DeliberateMisses.Except(usedMisses).Select(d => d.Reason));
        Assert.Empty(DeliberateAlarms.Except(usedAlarms).Select(d => d.Reason));
    }

    /// <summary>
    /// The files one case is written to: a subset of bench/scanner/gitleaks_rule_tests.py's `contexts` (which also
    /// writes every case to a .txt and every bare value in JS and Go), small enough for a test of a few seconds: the
    /// file of gitleaks' sample context, else a .env; a bare value also assigned in Python and YAML.
    /// </summary>
    private static IEnumerable<(string File, string Content)> Contexts(Case c)
    {
        yield return (c.Sample is null ? ".env" : SampleFiles[c.Sample], c.Text + "\n");
        if (BareValue().IsMatch(c.Text))
        {
            var name = c.IsTruePositive ? $"{c.Service}_api_key" : "sample";
            yield return ("assign.py", $"{name} = \"{c.Text}\"\n");
            yield return ("assign.yaml", $"{name}: {c.Text}\n");
        }
    }

    /// <summary>gitleaks' utils.GenerateSampleSecrets contexts and the file each is written to.</summary>
    private static readonly Dictionary<string, string> SampleFiles = new()
    {
        ["ini - quoted1"] = "config.ini", ["ini - quoted2"] = "config.ini", ["ini - unquoted1"] = "config.ini", ["ini - unquoted2"] = "config.ini",
        ["json - string"] = "config.json", ["json - escaped newline in string"] = "config.json", ["xml - element multiline"] = "config.xml",
        ["yaml - singleline - unquoted"] = "config.yaml", ["yaml - singleline - single quote"] = "config.yaml", ["yaml - singleline - double quote"] = "config.yaml",
        ["C#"] = "Settings.cs", ["go - normal"] = "settings.go", ["go - short"] = "settings.go", ["go - backticks"] = "settings.go",
        ["java"] = "Settings.java", ["kotlin - notype"] = "Settings.kt", ["php - string concat"] = "settings.php",
        ["python - single quote"] = "settings.py", ["python - double quote"] = "settings.py", ["misc - comma operator"] = "Settings.java",
        ["logstash"] = "logstash.conf", ["make - recursive assignment"] = "Makefile", ["make - simple assignment"] = "Makefile",
        ["make - shell assignment"] = "Makefile", ["make - evaluated shell assignment"] = "Makefile", ["make - conditional assignment"] = "Makefile",
    };

    [GeneratedRegex("""^[^\s=:"'`<>]{8,}$|^(?:https?://)?hooks\.slack\.com/\S+$""")]
    private static partial Regex BareValue();
}
