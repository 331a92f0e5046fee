using System.Globalization;
using Tradeguard.Scanner.Rules;
using Tradeguard.Scanner.Walking;

namespace Tradeguard.Scanner.Output;

/// <summary>The default human-readable report: one block per finding, then skipped paths and a one-line summary.</summary>
internal static class TextReport
{
    public static void Write(ScanReport report, TextWriter output)
    {
        foreach (var f in report.Findings)
        {
            var where = $"{f.Path}:{f.Line}:{f.Column}" + (f.Commit is null ? "" : $" (commit {f.Commit[..Math.Min(12, f.Commit.Length)]}, no longer in the tree)");
            var label = f.IsExample ? "EXAMPLE" : f.Severity.Name().ToUpperInvariant();
            output.WriteLine($"{label,-8}  {f.RuleId}  {where}" + (f.Shown.Length > 0 ? $"  {f.Shown}" : ""));
            output.WriteLine($"          {f.Message}");
            output.WriteLine($"          fix: {f.Fix}");
            output.WriteLine($"          fingerprint: {f.Fingerprint}");
        }

        foreach (var s in report.Result.Skipped)
        {
            output.WriteLine($"skipped   {s.Path} ({Describe(s.Reason)})");
        }

        var counts = report.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.Name()}");
        var r = report.Result;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"scanned {r.FilesScanned} files ({r.BytesScanned / 1048576.0:0.00} MB) in {r.Elapsed.TotalSeconds:0.00} s: " +
            $"{report.Findings.Count} findings");
        if (report.Findings.Count > 0)
        {
            summary += $" ({string.Join(", ", counts)})";
        }

        if (report.SuppressedByBaseline > 0)
        {
            summary += $", {report.SuppressedByBaseline} suppressed by the baseline";
        }

        if (r.Skipped.Count > 0)
        {
            summary += $", {r.Skipped.Count} paths skipped";
        }

        output.WriteLine(summary);
    }

    internal static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.Binary => "binary",
        SkipReason.Oversized => "over the size limit",
        SkipReason.Symlink => "symbolic link, not followed",
        SkipReason.Unreadable => "unreadable",
        SkipReason.Timeout => "a rule timed out on it",
        SkipReason.Report => "a tradeguard scan report",
        SkipReason.RuleFile => "a scanner rule file",
        _ => reason.ToString(),
    };
}
