using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// One IL-compiled copy per distinct pattern, for the whole process. Compiling is the expensive part of a large scan:
/// 60-120 ms of CPU for each exchange rule's 489-character grammar, and ten default rules share that grammar, so
/// compiling it per rule cost about a second before the first file was read (docs/scan.md, "Speed").
/// </summary>
internal static class CompiledRegexes
{
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options, TimeSpan Timeout), Lazy<Regex>> Cache = new();

    /// <summary>
    /// The compiled form of <paramref name="interpreted"/> (same pattern, options and timeout), built by the first
    /// caller while others asking for the same pattern wait for it.
    /// </summary>
    public static Regex Of(Regex interpreted)
    {
        var key = (interpreted.ToString(), interpreted.Options | RegexOptions.Compiled, interpreted.MatchTimeout);
        return Cache.GetOrAdd(key, k => new Lazy<Regex>(() => new Regex(k.Pattern, k.Options, k.Timeout))).Value;
    }
}
