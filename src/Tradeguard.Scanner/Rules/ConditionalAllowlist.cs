using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>What a gitleaks allowlist's <c>regexes</c> are tested against (<c>regexTarget</c>).</summary>
public enum AllowlistTarget
{
    /// <summary>The secret group's value (gitleaks' default).</summary>
    Secret,

    /// <summary>The whole regex match.</summary>
    Match,

    /// <summary>The whole line the finding starts on.</summary>
    Line,
}

/// <summary>
/// A gitleaks rule allowlist that the plain value allowlist cannot express: its regexes test the whole match or line
/// (<c>regexTarget = "match" | "line"</c>), or all of its kinds of entry must hold at once (<c>condition = "AND"</c>:
/// the path matches and a regex matches and, when given, a stop word occurs). Semantics as gitleaks v8 documents them
/// (README, "Configuration").
/// </summary>
/// <param name="Target">What <paramref name="Regexes"/> test.</param>
/// <param name="Regexes">Regexes on the target; empty: no regex condition.</param>
/// <param name="Stopwords">Case-insensitive words looked for in the secret; empty: no stop-word condition.</param>
/// <param name="Paths">Regexes on the relative path; empty: no path condition.</param>
/// <param name="RequireAll">True for <c>condition = "AND"</c>; false: any one entry allows (gitleaks' default OR).</param>
public sealed record ConditionalAllowlist(
    AllowlistTarget Target, IReadOnlyList<Regex> Regexes, IReadOnlyList<string> Stopwords, IReadOnlyList<Regex> Paths, bool RequireAll)
{
    /// <summary>True when this allowlist lets the finding go.</summary>
    /// <param name="path">Relative path, forward slashes.</param>
    /// <param name="secret">The secret group's value.</param>
    /// <param name="match">The whole match.</param>
    /// <param name="line">The line the match starts on.</param>
    public bool Allows(string path, ReadOnlySpan<char> secret, ReadOnlySpan<char> match, ReadOnlySpan<char> line)
    {
        var target = Target switch { AllowlistTarget.Match => match, AllowlistTarget.Line => line, _ => secret };
        bool? byRegex = Regexes.Count == 0 ? null : AnyMatch(Regexes, target);
        bool? byPath = Paths.Count == 0 ? null : AnyMatch(Paths, path);
        bool? byWord = Stopwords.Count == 0 ? null : HasStopword(secret);
        bool?[] conditions = [byRegex, byPath, byWord];
        return RequireAll
            ? conditions.All(c => c is null or true) && conditions.Any(c => c is not null)
            : conditions.Any(c => c is true);
    }

    private static bool AnyMatch(IReadOnlyList<Regex> regexes, ReadOnlySpan<char> text)
    {
        foreach (var regex in regexes)
        {
            if (regex.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasStopword(ReadOnlySpan<char> secret)
    {
        foreach (var word in Stopwords)
        {
            if (secret.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
