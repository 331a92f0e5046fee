namespace Tradeguard.Scanner.Walking;

/// <summary>Why a path was not scanned.</summary>
public enum SkipReason
{
    /// <summary>Holds NUL bytes in its first 8 KiB: an image, archive, database or compiled file.</summary>
    Binary,

    /// <summary>Larger than the size limit (<c>--max-file-size</c>).</summary>
    Oversized,

    /// <summary>A symbolic link: never followed, so a scan cannot leave the tree (a link's target inside the tree is scanned on its own).</summary>
    Symlink,

    /// <summary>Could not be read (permission denied or gone during the scan).</summary>
    Unreadable,

    /// <summary>A rule's regex ran past its time limit on this file.</summary>
    Timeout,

    /// <summary>A report written by <c>tradeguard scan</c> itself (JSON, SARIF or text), recognised by its content.</summary>
    Report,

    /// <summary>A secret-scanner rule file (Tradeguard JSON or a gitleaks config), recognised by its content: its regexes are not findings.</summary>
    RuleFile,
}

/// <summary>A path the scan did not look into, and why; reported so that nothing is skipped silently.</summary>
/// <param name="Path">Relative path, forward slashes.</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record SkippedFile(string Path, SkipReason Reason);
