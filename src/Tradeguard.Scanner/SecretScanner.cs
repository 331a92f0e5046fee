using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Tradeguard.Core.Errors;
using Tradeguard.Scanner.Detection;
using Tradeguard.Scanner.Findings;
using Tradeguard.Scanner.Git;
using Tradeguard.Scanner.History;
using Tradeguard.Scanner.Hygiene;
using Tradeguard.Scanner.Output;
using Tradeguard.Scanner.Rules;
using Tradeguard.Scanner.Walking;

namespace Tradeguard.Scanner;

/// <summary>
/// <c>tradeguard scan</c>: finds hard-coded secrets and unsafe practices in a trading project (DESIGN.md, "Scanner";
/// docs/scan.md). Files are scanned in parallel; each passes a keyword prefilter before any regex runs.
/// </summary>
public static class SecretScanner
{
    /// <summary>Above this many bytes to scan, regexes are compiled to IL first: compiling costs start-up time per rule that a small scan (a pre-commit hook) never earns back, while the interpreter is about 14x slower per byte (ScannerBenchmarks: 28.7 ms vs 2.0 ms on a 39 KB file).</summary>
    private const long CompiledRegexThresholdBytes = 512L * 1024;

    /// <summary>Scans <see cref="ScanOptions.Root"/>.</summary>
    /// <exception cref="TradeguardException">The root does not exist, or <c>--history</c> outside a git work tree
    /// (exit 2); git missing or failing (exit 6).</exception>
    public static ScanResult Scan(ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var root = Path.GetFullPath(options.Root);
        if (!File.Exists(root) && !Directory.Exists(root))
        {
            throw new TradeguardException(ExitCode.Usage, $"'{options.Root}' does not exist; give a folder or file to scan");
        }

        string? topLevel = null;
        if (options.History && (topLevel = GitCli.TopLevel(root)) is null)
        {
            throw new TradeguardException(ExitCode.Usage, $"--history needs git and a git work tree, and '{options.Root}' is not inside one");
        }

        if (options.History && !GitCli.HasCommits(topLevel!))
        {
            throw new TradeguardException(ExitCode.Usage, $"--history: the repository at '{topLevel}' has no commits yet; scan without --history");
        }

        var (files, skippedByWalk) = FileWalker.Walk(root, options.RespectGitignore, options.MaxFileBytes);
        var scanner = new ContentScanner(options.Rules, compiled: options.History || files.Sum(f => f.Length) > CompiledRegexThresholdBytes);
        var findings = new ConcurrentBag<Finding>();
        var skipped = new ConcurrentBag<SkippedFile>(skippedByWalk);
        long bytes = 0;
        var scannedFiles = 0;
        // Load-balanced one file at a time (file sizes vary by orders of magnitude). Each worker reuses one reader's
        // buffers; readers are pooled because Parallel.ForEach ends and restarts its workers every few hundred
        // milliseconds, and fresh megabyte buffers each time meant 17 MB allocated and 3 gen-2 collections per 10 MB.
        var readers = new ConcurrentBag<TextFileReader>();
        Parallel.ForEach(
            Partitioner.Create(files, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads) },
            () => readers.TryTake(out var reader) ? reader : new TextFileReader(),
            (file, _, reader) =>
            {
                ReadOnlyMemory<char>? text;
                try
                {
                    text = reader.Read(file.FullPath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    skipped.Add(new SkippedFile(file.RelativePath, SkipReason.Unreadable));
                    return reader;
                }

                if (text is not { } content)
                {
                    skipped.Add(new SkippedFile(file.RelativePath, SkipReason.Binary));
                    return reader;
                }

                if (ScannersOwnFile(content.Span) is { } own)
                {
                    skipped.Add(new SkippedFile(file.RelativePath, own));
                    return reader;
                }

                Interlocked.Add(ref bytes, file.Length);
                Interlocked.Increment(ref scannedFiles);
                try
                {
                    foreach (var finding in scanner.Scan(content.Span, file.RelativePath))
                    {
                        findings.Add(finding);
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    skipped.Add(new SkippedFile(file.RelativePath, SkipReason.Timeout));
                }

                return reader;
            },
            readers.Add);

        var all = findings.ToList();
        all.AddRange(PathRules.Find(options.Rules, files));
        var secretFiles = all.Where(f => f.Kind == RuleKind.Secret && !f.IsExample).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        all.AddRange(SecretFileChecks.Check(options.Rules, root, secretFiles));
        if (options.History)
        {
            var current = all.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
            var historyRoot = Directory.Exists(root) ? root : Path.GetDirectoryName(root)!;
            all.AddRange(HistoryScanner.Scan(scanner, topLevel!, historyRoot, options.MaxFileBytes)
                .Where(f => !current.Contains(f.Fingerprint)));
        }

        all.Sort(FindingOrder);
        var skippedList = skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
        return new ScanResult(root, all, skippedList, scannedFiles, bytes, clock.Elapsed);
    }

    /// <summary>The scanner's own reports and rule files name patterns and masked values; scanning them reports the scanner.</summary>
    private static SkipReason? ScannersOwnFile(ReadOnlySpan<char> text) =>
        OwnReport.Is(text) ? SkipReason.Report : RuleFileText.Is(text) ? SkipReason.RuleFile : null;

    private static int FindingOrder(Finding a, Finding b)
    {
        // Working-tree findings first, then history; within each by path, line, column, rule.
        var c = (a.Commit is not null).CompareTo(b.Commit is not null);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Path, b.Path);
        }

        if (c == 0)
        {
            c = a.Line.CompareTo(b.Line);
        }

        if (c == 0)
        {
            c = a.Column.CompareTo(b.Column);
        }

        return c != 0 ? c : string.CompareOrdinal(a.RuleId, b.RuleId);
    }
}
