using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// What a rule file excludes for every rule (gitleaks' global <c>[allowlist]</c>): values matching a regex or holding a
/// stop word are placeholders, and files whose relative path matches a path regex are not scanned.
/// </summary>
/// <param name="Values">Regexes on the value: a match makes it a placeholder.</param>
/// <param name="Stopwords">Case-insensitive words: a value holding one is a placeholder.</param>
/// <param name="Paths">Regexes on the relative path (forward slashes): a matching file is skipped by every rule.</param>
public sealed record GlobalAllowlist(IReadOnlyList<Regex> Values, IReadOnlyList<string> Stopwords, IReadOnlyList<Regex> Paths)
{
    /// <summary>Excludes nothing.</summary>
    public static GlobalAllowlist None { get; } = new([], [], []);

    /// <summary>True when <paramref name="relativePath"/> matches one of <see cref="Paths"/>.</summary>
    public bool ExcludesPath(string relativePath) => Paths.Any(p => p.IsMatch(relativePath));
}
