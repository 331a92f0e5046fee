using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// The default rules' regexes (patterns and line-window probes), compiled to C# at build time by .NET's regex source
/// generator (<c>DefaultRuleRegexes.Generated.cs</c>, written by <c>DefaultRuleRegexesTests</c> from the embedded rule
/// file). They match as fast as <see cref="RegexOptions.Compiled"/> but cost nothing to build, so a pre-commit scan of
/// a few files gets compiled speed, and a Native AOT build (where <see cref="RegexOptions.Compiled"/> falls back to the
/// interpreter, four to five times slower on the bench tree) keeps it. A user's rule file is built at run time as before.
/// </summary>
internal static partial class DefaultRuleRegexes
{
    private static readonly FrozenDictionary<(string Pattern, RegexOptions Options), Func<Regex>> Table =
        Entries().ToFrozenDictionary(e => (e.Pattern, e.Options), e => e.Get);

    /// <summary>
    /// The generated regex for <paramref name="pattern"/> with <paramref name="options"/>, or null when the default rules
    /// do not have it or <paramref name="timeout"/> is not theirs (<see cref="RuleSet.MatchTimeout"/>).
    /// </summary>
    public static Regex? Find(string pattern, RegexOptions options, TimeSpan timeout) =>
        timeout == RuleSet.MatchTimeout && Table.TryGetValue((pattern, options), out var get) ? get() : null;

    /// <summary>The generated regex when there is one, else a new one (interpreted).</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid .NET regex.</exception>
    public static Regex FindOrBuild(string pattern, RegexOptions options, TimeSpan timeout) =>
        Find(pattern, options, timeout) ?? new Regex(pattern, options, timeout);

    /// <summary>True for a regex made by the source generator: it is already compiled.</summary>
    public static bool IsGenerated(Regex regex) => regex.GetType() != typeof(Regex);
}
