using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// One IL-compiled copy per distinct pattern, for the whole process, built when a rule first runs: the ten default
/// exchange rules share one grammar, which was compiled ten times, and every rule used to be compiled before the first
/// file was read, including rules no file triggers (on the small-files bench tree 11 of the 36 distinct patterns run).
/// The saving was within the bench host's noise (docs/scan.md, "Speed"); the point is to do no work that is not used.
/// </summary>
internal static class CompiledRegexes
{
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options, TimeSpan Timeout), Lazy<Regex>> Cache = new();

    /// <summary>
    /// The compiled form of <paramref name="interpreted"/> (same pattern, options and timeout), built by the first
    /// caller while others asking for the same pattern wait for it; a regex generated at build time
    /// (<see cref="DefaultRuleRegexes"/>) is its own compiled form.
    /// </summary>
    public static Regex Of(Regex interpreted)
    {
        if (DefaultRuleRegexes.IsGenerated(interpreted))
        {
            return interpreted;
        }

        var key = (interpreted.ToString(), interpreted.Options | RegexOptions.Compiled, interpreted.MatchTimeout);
        return Cache.GetOrAdd(key, k => new Lazy<Regex>(() => new Regex(k.Pattern, k.Options, k.Timeout))).Value;
    }
}
