using System.Text.Encodings.Web;
using System.Text.Json;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Output;

/// <summary>Tradeguard's JSON report (docs/scan.md, "JSON report"): findings, skipped paths, totals.</summary>
internal static class JsonReport
{
    public static void Write(ScanReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", OwnReport.JsonTool);
            json.WriteNumber("version", 1);
            json.WriteString("root", report.Result.Root);
            json.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", f.RuleId);
                json.WriteString("kind", f.Kind.ToString().ToLowerInvariant());
                json.WriteString("severity", f.Severity.Name());
                json.WriteString("path", f.Path);
                json.WriteNumber("line", f.Line);
                json.WriteNumber("column", f.Column);
                json.WriteNumber("endLine", f.EndLine);
                json.WriteNumber("endColumn", f.EndColumn);
                json.WriteString(f.Kind == RuleKind.Secret ? "masked" : "match", f.Shown);
                json.WriteString("fingerprint", f.Fingerprint);
                json.WriteString("message", f.Message);
                json.WriteString("fix", f.Fix);
                json.WriteBoolean("example", f.IsExample);
                if (f.Commit is not null)
                {
                    json.WriteString("commit", f.Commit);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("skipped");
            foreach (var s in report.Result.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("path", s.Path);
                json.WriteString("reason", s.Reason.ToString().ToLowerInvariant());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("stats");
            json.WriteNumber("filesScanned", report.Result.FilesScanned);
            json.WriteNumber("bytesScanned", report.Result.BytesScanned);
            json.WriteNumber("elapsedMs", Math.Round(report.Result.Elapsed.TotalMilliseconds, 1));
            json.WriteNumber("suppressedByBaseline", report.SuppressedByBaseline);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
    }
}
