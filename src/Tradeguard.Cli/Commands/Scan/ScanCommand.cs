using System.CommandLine;
using Tradeguard.Core.Errors;
using Tradeguard.Scanner;
using Tradeguard.Scanner.Output;
using Tradeguard.Scanner.Rules;
using ScanBaseline = Tradeguard.Scanner.Baseline.Baseline;

namespace Tradeguard.Cli.Commands.Scan;

/// <summary><c>tradeguard scan PATH</c>: hard-coded secrets and unsafe practices (docs/scan.md).</summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "Folder or file to scan", DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, json or sarif", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output" };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding has at least this severity: info, low, medium, high, critical", DefaultValueFactory = _ => "low" };
        failOn.AcceptOnlyFromAmong([.. SeverityNames.All]);
        var rules = new Option<string?>("--rules") { Description = "Extra rule file: JSON in the built-in format (a rule with a built-in id replaces it) or a gitleaks config (.toml)" };
        var baseline = new Option<string?>("--baseline") { Description = "Ignore findings whose fingerprints are in this baseline file" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write the fingerprints of all current findings to this file and exit 0" };
        var history = new Option<bool>("--history") { Description = "Also scan every commit reachable from HEAD (needs git)" };
        var respectGitignore = new Option<bool>("--respect-gitignore") { Description = "Skip files that .gitignore excludes" };
        var maxFileSize = new Option<long>("--max-file-size") { Description = "Skip (and report) files larger than this many bytes", DefaultValueFactory = _ => ScanOptions.DefaultMaxFileBytes };
        var threads = new Option<int>("--threads") { Description = "Files scanned in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };

        var command = new Command("scan",
            "Find hard-coded secrets (exchange keys, Telegram bot tokens, private keys...) and unsafe practices " +
            "(TLS off, weak password hashing, keys printed) in a trading project. Exit 1 when findings at or above " +
            "--fail-on exist, 0 otherwise, 2 on usage errors.");
        command.Arguments.Add(path);
        foreach (var option in new Option[] { format, output, failOn, rules, baseline, writeBaseline, history, respectGitignore, maxFileSize, threads })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            if (parse.GetValue(maxFileSize) <= 0 || parse.GetValue(threads) <= 0)
            {
                throw new TradeguardException(ExitCode.Usage, "--max-file-size and --threads must be positive");
            }

            var ruleFile = parse.GetValue(rules);
            var ruleSet = ruleFile is null ? RuleSet.Default() : RuleSet.WithUserRules(ruleFile);
            var baselineFile = parse.GetValue(baseline);
            var accepted = baselineFile is null ? null : ScanBaseline.Load(baselineFile);
            var result = SecretScanner.Scan(new ScanOptions
            {
                Root = parse.GetValue(path)!,
                Rules = ruleSet,
                History = parse.GetValue(history),
                RespectGitignore = parse.GetValue(respectGitignore),
                MaxFileBytes = parse.GetValue(maxFileSize),
                Threads = parse.GetValue(threads),
            });

            var baselineOut = parse.GetValue(writeBaseline);
            if (baselineOut is not null)
            {
                ScanBaseline.Write(baselineOut, result.Findings);
                Console.Error.WriteLine($"wrote {result.Findings.Select(f => f.Fingerprint).Distinct().Count()} fingerprints to {baselineOut}");
                return 0;
            }

            var findings = accepted?.Filter(result.Findings) ?? result.Findings;
            var report = new ScanReport(result, findings, result.Findings.Count - findings.Count, ruleSet);
            var reportFormat = Enum.Parse<ReportFormat>(parse.GetValue(format)!, ignoreCase: true);
            var outputFile = parse.GetValue(output);
            if (outputFile is null)
            {
                ReportWriter.Write(report, reportFormat, Console.Out);
            }
            else
            {
                using var writer = new StringWriter();
                ReportWriter.Write(report, reportFormat, writer);
                Core.Storage.AtomicFile.WriteText(outputFile, writer.ToString());
            }

            SeverityNames.TryParse(parse.GetValue(failOn), out var threshold);
            return findings.Any(f => f.Severity >= threshold) ? (int)ExitCode.CheckFailed : (int)ExitCode.Success;
        });
        return command;
    }
}
