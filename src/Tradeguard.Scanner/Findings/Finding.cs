using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Findings;

/// <summary>
/// One thing the scanner found. It never holds the clear value: <see cref="Shown"/> is the masked value for secrets
/// (first4…last4 via SecretMask) and the matched code for practices.
/// </summary>
/// <param name="RuleId">The rule that fired.</param>
/// <param name="Kind">Secret, practice or file check.</param>
/// <param name="Severity">The rule's severity, or <see cref="Severity.Info"/> for a documentation example.</param>
/// <param name="Path">Path relative to the scanned root, forward slashes (for history findings: the path in that commit).</param>
/// <param name="Line">1-based line of the value's start.</param>
/// <param name="Column">1-based column (UTF-16 code units) of the value's start.</param>
/// <param name="EndLine">1-based line of the value's end.</param>
/// <param name="EndColumn">1-based column just past the value's end.</param>
/// <param name="Shown">Masked secret, or the matched practice text; safe to print.</param>
/// <param name="Fingerprint">Stable id: hex SHA-256 over rule id, path and value, first 32 digits.</param>
/// <param name="Message">What was found, in one sentence.</param>
/// <param name="Fix">One line telling what to do.</param>
/// <param name="IsExample">True when the value is a published documentation example, not a live secret.</param>
/// <param name="Commit">For <c>--history</c> findings no longer in the working tree: the commit that added it.</param>
public sealed record Finding(
    string RuleId,
    RuleKind Kind,
    Severity Severity,
    string Path,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Shown,
    string Fingerprint,
    string Message,
    string Fix,
    bool IsExample,
    string? Commit);
