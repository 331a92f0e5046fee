using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Finds which rules have a keyword in a text with <see cref="SearchValues{T}"/> (a vectorised multi-string search); a
/// rule's regex runs only if one of its keywords occurred. Once a keyword is found the search goes on for the others
/// only, so a word that occurs thousands of times ("key", "log") costs one hit, not thousands.
/// </summary>
/// <remarks>
/// The keywords are searched in groups of <see cref="GroupSize"/>, one pass per group: .NET vectorises a search for a
/// few dozen strings (Teddy) but falls back to a scalar Aho–Corasick above that, and the 64 default keywords in one
/// set ran at 0.45 GB/s against about 6 GB/s per group of 16 (OHLCV CSV files, which hold none of them). With the 133
/// keywords of today's rules, groups of 8 beat groups of 16 by 2x over the 6,152 files of the bench tree (0.5 against
/// 1.1 single-thread CPU-s for 17 passes against 9), likely because Teddy sorts the words into 8 buckets and two words
/// per bucket leave more candidate positions to verify.
/// </remarks>
internal sealed class KeywordPrefilter
{
    private const int GroupSize = 8;

    private readonly int _ruleCount;
    private readonly KeywordGroup[] _groups;

    /// <summary>Rules without keywords (allowed in gitleaks rule files): they run on every text.</summary>
    private readonly int[] _always;

    public KeywordPrefilter(IReadOnlyList<ScanRule> rules)
    {
        _ruleCount = rules.Count;
        _always = [.. Enumerable.Range(0, rules.Count).Where(i => rules[i].Keywords.Count == 0)];
        var owners = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var keyword in rules[i].Keywords)
            {
                if (!owners.TryGetValue(keyword, out var list))
                {
                    owners[keyword] = list = [];
                }

                list.Add(i);
            }
        }

        _groups = [.. owners.Keys.Chunk(GroupSize).Select(keys => new KeywordGroup(keys, [.. keys.Select(k => owners[k].ToArray())]))];
    }

    /// <summary>Which rules (by index) have a keyword in <paramref name="text"/>; null when none has.</summary>
    public bool[]? Triggered(ReadOnlySpan<char> text)
    {
        bool[]? triggered = null;
        foreach (var group in _groups)
        {
            group.Mark(text, ref triggered, _ruleCount);
        }

        foreach (var r in _always)
        {
            triggered ??= new bool[_ruleCount];
            triggered[r] = true;
        }

        return triggered;
    }

    /// <summary>Up to <see cref="GroupSize"/> keywords searched together; a bit mask tells which are still missing.</summary>
    private sealed class KeywordGroup(string[] keywords, int[][] rulesOf)
    {
        /// <summary>
        /// Searches built per set of missing keywords, at most this many per group: building one (Teddy tables) costs
        /// tens of microseconds, and a tree of thousands of small files meets thousands of distinct sets. Past the cap
        /// the current search goes on: it still finds the missing keywords, and also hits on found ones, skipped below.
        /// </summary>
        private const int MaxSearches = 64;

        private readonly ConcurrentDictionary<uint, SearchValues<string>> _searchByRemaining = new();

        public void Mark(ReadOnlySpan<char> text, ref bool[]? triggered, int ruleCount)
        {
            var remaining = (1u << keywords.Length) - 1;
            var search = SearchFor(remaining, null!);
            var position = 0;
            while (remaining != 0 && position < text.Length)
            {
                var hit = text[position..].IndexOfAny(search);
                if (hit < 0)
                {
                    return;
                }

                position += hit;
                for (var left = remaining; left != 0; left &= left - 1)
                {
                    var k = BitOperations.TrailingZeroCount(left);
                    if (text[position..].StartsWith(keywords[k], StringComparison.OrdinalIgnoreCase))
                    {
                        triggered ??= new bool[ruleCount];
                        foreach (var r in rulesOf[k])
                        {
                            triggered[r] = true;
                        }

                        remaining &= ~(1u << k);
                        search = SearchFor(remaining, search);
                    }
                }

                position++;
            }
        }

        /// <summary>
        /// The search for the keywords still missing, built once per distinct set and shared across files; once
        /// <see cref="MaxSearches"/> sets are built, <paramref name="current"/> (a superset) instead.
        /// </summary>
        private SearchValues<string> SearchFor(uint remaining, SearchValues<string> current)
        {
            if (remaining == 0)
            {
                return current;
            }

            if (_searchByRemaining.TryGetValue(remaining, out var search))
            {
                return search;
            }

            return _searchByRemaining.Count >= MaxSearches && current is not null
                ? current
                : _searchByRemaining.GetOrAdd(remaining, mask =>
                    SearchValues.Create([.. keywords.Where((_, k) => (mask & (1u << k)) != 0)], StringComparison.OrdinalIgnoreCase));
        }
    }
}
