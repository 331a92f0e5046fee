using Tradeguard.Scanner.Findings;
using Tradeguard.Scanner.Walking;

namespace Tradeguard.Scanner;

/// <summary>What a scan found and what it covered.</summary>
/// <param name="Root">The absolute path scanned.</param>
/// <param name="Findings">Findings in path, line, column order (inline suppressions already applied).</param>
/// <param name="Skipped">Paths not scanned, with the reason.</param>
/// <param name="FilesScanned">Text files read.</param>
/// <param name="BytesScanned">Bytes of those files.</param>
/// <param name="Elapsed">Wall-clock time of the scan.</param>
public sealed record ScanResult(
    string Root,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<SkippedFile> Skipped,
    int FilesScanned,
    long BytesScanned,
    TimeSpan Elapsed);
