using System.Buffers;
using System.Collections.Concurrent;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// One pass over a text with <see cref="SearchValues{T}"/> (a vectorised multi-string search) for every rule keyword
/// at once; a rule's regex runs only if one of its keywords occurred. Once a keyword is found the search goes on for
/// the others only, so a word that occurs thousands of times ("key", "log") costs one hit, not thousands.
/// </summary>
internal sealed class KeywordPrefilter
{
    private const int MaxTrackedKeywords = 128;

    private readonly string[] _keywords;
    private readonly int[][] _rulesOf;
    private readonly int _ruleCount;
    private readonly ConcurrentDictionary<UInt128, SearchValues<string>> _searchByRemaining = new();

    public KeywordPrefilter(IReadOnlyList<ScanRule> rules)
    {
        _ruleCount = rules.Count;
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

        _keywords = [.. owners.Keys];
        _rulesOf = [.. _keywords.Select(k => owners[k].ToArray())];
    }

    /// <summary>Which rules (by index) have a keyword in <paramref name="text"/>; null when none has.</summary>
    public bool[]? Triggered(ReadOnlySpan<char> text)
    {
        bool[]? triggered = null;
        var remaining = AllKeywords();
        var search = SearchFor(remaining);
        var position = 0;
        while (position < text.Length && remaining != UInt128.Zero)
        {
            var hit = text[position..].IndexOfAny(search);
            if (hit < 0)
            {
                break;
            }

            position += hit;
            var found = false;
            for (var k = 0; k < _keywords.Length; k++)
            {
                if (IsSet(remaining, k) && text[position..].StartsWith(_keywords[k], StringComparison.OrdinalIgnoreCase))
                {
                    triggered ??= new bool[_ruleCount];
                    foreach (var r in _rulesOf[k])
                    {
                        triggered[r] = true;
                    }

                    if (k < MaxTrackedKeywords)
                    {
                        remaining &= ~(UInt128.One << k);
                        found = true;
                    }
                }
            }

            if (found && remaining != UInt128.Zero)
            {
                search = SearchFor(remaining);
            }

            position++;
        }

        return triggered;
    }

    private UInt128 AllKeywords() =>
        _keywords.Length >= MaxTrackedKeywords ? UInt128.MaxValue : (UInt128.One << _keywords.Length) - 1;

    private static bool IsSet(UInt128 mask, int k) => k >= MaxTrackedKeywords || (mask & (UInt128.One << k)) != 0;

    /// <summary>The search for the keywords still missing; built once per distinct set and shared across files.</summary>
    private SearchValues<string> SearchFor(UInt128 remaining) =>
        _searchByRemaining.GetOrAdd(remaining, mask =>
            SearchValues.Create(_keywords.Where((_, k) => IsSet(mask, k)).ToArray(), StringComparison.OrdinalIgnoreCase));
}
