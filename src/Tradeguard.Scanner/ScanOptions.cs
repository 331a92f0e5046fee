using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner;

/// <summary>What to scan and how (the options of <c>tradeguard scan</c>).</summary>
public sealed class ScanOptions
{
    /// <summary>Default size limit: files over 5 MiB are reported as skipped, not read.</summary>
    public const long DefaultMaxFileBytes = 5L * 1024 * 1024;

    /// <summary>The folder or file to scan.</summary>
    public required string Root { get; init; }

    /// <summary>The rules to run (default: the embedded rule file).</summary>
    public RuleSet Rules { get; init; } = RuleSet.Default();

    /// <summary>Skip what .gitignore files exclude (off by default: ignored files leak too, e.g. in backups).</summary>
    public bool RespectGitignore { get; init; }

    /// <summary>Also scan every commit reachable from HEAD (needs <c>git</c> and a work tree).</summary>
    public bool History { get; init; }

    /// <summary>Files larger than this, in bytes, are skipped and reported.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Files scanned in parallel (default: one per processor).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
