using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tradeguard.Scanner.Findings;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Output;

/// <summary>
/// SARIF 2.1.0 (OASIS standard, docs.oasis-open.org/sarif/sarif/v2.1.0): one run, every rule in tool.driver.rules,
/// one result per finding with partialFingerprints, the masked value in properties (never the clear value, which
/// gitleaks puts in region.snippet), and skipped paths as tool execution notifications.
/// </summary>
internal static class SarifReport
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string FingerprintKey = "tradeguardFingerprint/v1";
    private const string RootBase = "SRCROOT";

    public static void Write(ScanReport report, TextWriter output)
    {
        var rules = report.Rules.Rules;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", OwnReport.SarifDriver);
            json.WriteString("semanticVersion", Version());
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(RootBase);
            json.WriteString("uri", RootUri(report.Result.Root));
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", true);
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var s in report.Result.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("level", "note");
                json.WriteStartObject("message");
                json.WriteString("text", $"skipped: {TextReport.Describe(s.Reason)}");
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                WriteArtifact(json, s.Path);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var f in report.Findings)
            {
                WriteResult(json, f, index.TryGetValue(f.RuleId, out var i) ? i : -1);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
    }

    private static void WriteRule(Utf8JsonWriter json, ScanRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", string.Concat(rule.Id.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", FirstSentence(rule.Description));
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Description);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", rule.Fix);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("security");
        json.WriteStringValue(rule.Kind.ToString().ToLowerInvariant());
        json.WriteEndArray();
        json.WriteString("security-severity", SecuritySeverity(rule.Severity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding f, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", f.RuleId);
        if (ruleIndex >= 0)
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        json.WriteString("level", Level(f.Severity));
        json.WriteStartObject("message");
        var text = f.Message + (f.Shown.Length > 0 ? $" [{f.Shown}]" : "") + (f.Commit is null ? "" : $" (commit {f.Commit})") + $" Fix: {f.Fix}";
        json.WriteString("text", text);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifact(json, f.Path);
        json.WriteStartObject("region");
        json.WriteNumber("startLine", f.Line);
        json.WriteNumber("startColumn", f.Column);
        json.WriteNumber("endLine", f.EndLine);
        json.WriteNumber("endColumn", Math.Max(f.EndColumn, f.EndLine == f.Line ? f.Column : 1));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, f.Fingerprint);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("severity", f.Severity.Name());
        if (f.Kind == RuleKind.Secret)
        {
            json.WriteString("maskedValue", f.Shown);
        }

        json.WriteBoolean("documentationExample", f.IsExample);
        if (f.Commit is not null)
        {
            json.WriteString("commit", f.Commit);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteArtifact(Utf8JsonWriter json, string path)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));
        json.WriteString("uriBaseId", RootBase);
        json.WriteEndObject();
    }

    private static string RootUri(string root)
    {
        var folder = Directory.Exists(root) ? root : Path.GetDirectoryName(root)!;
        return new Uri(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar).AbsoluteUri;
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>GitHub code scanning's 0.0-10.0 scale (CVSS-like bands).</summary>
    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => "0.0",
    };

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(": ", StringComparison.Ordinal);
        var dot = text.IndexOf(". ", StringComparison.Ordinal);
        var cut = new[] { end, dot }.Where(i => i > 0).DefaultIfEmpty(text.Length).Min();
        return text[..cut].TrimEnd('.') + ".";
    }

    private static string Version() =>
        typeof(SarifReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? string.Create(CultureInfo.InvariantCulture, $"{typeof(SarifReport).Assembly.GetName().Version}");
}
