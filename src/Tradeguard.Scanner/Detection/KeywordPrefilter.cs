using System.Buffers;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// One pass over a text with <see cref="SearchValues{T}"/> (a vectorised multi-string search) for every rule keyword
/// at once; a rule's regex runs only if one of its keywords occurred. Most files hold none, and cost one scan.
/// </summary>
internal sealed class KeywordPrefilter
{
    private readonly SearchValues<string> _all;
    private readonly Dictionary<char, (string Keyword, int[] Rules)[]> _byFirstChar;
    private readonly int _ruleCount;
    private readonly int _keywordCount;

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

        _keywordCount = owners.Count;
        _all = SearchValues.Create(owners.Keys.ToArray(), StringComparison.OrdinalIgnoreCase);
        _byFirstChar = owners
            .GroupBy(o => char.ToLowerInvariant(o.Key[0]))
            .ToDictionary(g => g.Key, g => g.Select(o => (o.Key, o.Value.ToArray())).ToArray());
    }

    /// <summary>Which rules (by index) have a keyword in <paramref name="text"/>; null when none has.</summary>
    public bool[]? Triggered(ReadOnlySpan<char> text)
    {
        bool[]? triggered = null;
        HashSet<string>? found = null;
        var position = 0;
        while (position < text.Length)
        {
            var hit = text[position..].IndexOfAny(_all);
            if (hit < 0)
            {
                break;
            }

            position += hit;
            if (_byFirstChar.TryGetValue(char.ToLowerInvariant(text[position]), out var candidates))
            {
                foreach (var (keyword, rules) in candidates)
                {
                    if (text[position..].StartsWith(keyword, StringComparison.OrdinalIgnoreCase) && (found ??= []).Add(keyword))
                    {
                        triggered ??= new bool[_ruleCount];
                        foreach (var r in rules)
                        {
                            triggered[r] = true;
                        }
                    }
                }
            }

            if (found is not null && found.Count == _keywordCount)
            {
                break;
            }

            position++;
        }

        return triggered;
    }
}
