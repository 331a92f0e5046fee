using BenchmarkDotNet.Attributes;
using Tradeguard.Scanner;
using Tradeguard.Scanner.Detection;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Benchmarks;

/// <summary>
/// Scanner throughput on a generated trading project (bench/scanner/generate_tree.py, 10 MB here so a run stays short;
/// bench/scanner/run-bench.sh measures 100 MB end to end against secretlint). Bytes per operation are printed by
/// GlobalSetup so MB/s = bytes / mean time.
/// </summary>
[MemoryDiagnoser]
public class ScannerBenchmarks
{
    private string _tree = "";
    private string _pythonFile = "";
    private ContentScanner _interpreted = null!;
    private ContentScanner _compiled = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tree = Path.Combine(Path.GetTempPath(), "tradeguard-scanner-bench-10mb");
        if (!Directory.Exists(_tree))
        {
            var script = Path.Combine(FindRepoRoot(), "bench", "scanner", "generate_tree.py");
            using var p = System.Diagnostics.Process.Start("/usr/bin/python3", [script, _tree, "10"])!;
            p.WaitForExit();
        }

        _pythonFile = File.ReadAllText(Directory.EnumerateFiles(_tree, "*.py", SearchOption.AllDirectories).First());
        var rules = RuleSet.Default();
        _interpreted = new ContentScanner(rules);
        _compiled = new ContentScanner(rules, compiled: true);
        var bytes = Directory.EnumerateFiles(_tree, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"// tree: {bytes} bytes; python file: {_pythonFile.Length} chars");
    }

    /// <summary>The whole pipeline on the 10 MB tree: walk, read, prefilter, regexes, file checks (all cores).</summary>
    [Benchmark]
    public int ScanTree() => SecretScanner.Scan(new ScanOptions { Root = _tree }).Findings.Count;

    /// <summary>One ~100 KB strategy file, interpreted regexes (small scans, e.g. a pre-commit hook).</summary>
    [Benchmark]
    public int ScanFileInterpreted() => _interpreted.Scan(_pythonFile, "strategy.py").Count;

    /// <summary>The same file with the compiled regexes (source-generated twins; used above 512 KiB of input).</summary>
    [Benchmark]
    public int ScanFileCompiled() => _compiled.Scan(_pythonFile, "strategy.py").Count;

    /// <summary>The tree scan's path: compiled regexes, a span (a reused buffer there), a string only if one matched.</summary>
    [Benchmark]
    public int ScanFileFastPath() => _compiled.Scan(_pythonFile.AsSpan(), "strategy.py").Count;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tradeguard.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Tradeguard.slnx not found");
    }
}
