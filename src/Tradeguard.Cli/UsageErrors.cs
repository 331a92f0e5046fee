using System.CommandLine;
using System.CommandLine.Parsing;

namespace Tradeguard.Cli;

/// <summary>
/// Words a command line that did not parse: an unknown subcommand as <c>unknown command 'lst' for 'tradeguard vault'</c>
/// with the nearest command names, and every usage error ending with the full <c>tradeguard ... --help</c> to run.
/// </summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parsed)
    {
        var result = parsed.CommandResult;
        var path = CommandPath(result);
        var help = $"Run '{path} --help' to see {(result.Command.Subcommands.Count > 0 ? "its commands" : "its usage")}.";
        var unknown = parsed.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-'));
        if (unknown is not null && result.Command.Subcommands.Count > 0 && result.Command.Arguments.Count == 0)
        {
            var near = Nearest(unknown, result.Command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name)));
            var guess = near.Count > 0 ? $" Did you mean {string.Join(" or ", near.Select(n => $"'{path} {n}'"))}?" : "";
            return [$"unknown command '{unknown}' for '{path}'.{guess}", help];
        }

        return [.. parsed.Errors.Select(e => e.Message), help];
    }

    /// <summary><c>tradeguard vault list</c>: the names from the root down to <paramref name="result"/>'s command.</summary>
    public static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Add(c.Command is RootCommand ? "tradeguard" : c.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>Names within an edit distance of 2 (1 for short words), or that start with the typed word; closest first.</summary>
    private static List<string> Nearest(string typed, IEnumerable<string> names)
    {
        var limit = typed.Length <= 3 ? 1 : 2;
        return names.Distinct()
            .Select(n => (Name: n, Distance: n.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(typed.ToLowerInvariant(), n)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3).Select(x => x.Name).ToList();
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), O(|a|·|b|).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
