namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Whether a word names the scope a value sits in: the word is on the value's own line
/// (<c>BINANCE_API_SECRET = "…"</c>, <c>ENV OKX_PASSPHRASE=…</c>), or on a line that opens one of the blocks enclosing
/// it, found by indentation (<c>okx:</c> above an indented YAML key, <c>"kraken": {</c> in JSON,
/// <c>class OkxSettings</c> above a property, <c>ccxt.bybit({</c> above a dict entry) or by an INI/TOML
/// <c>[section]</c> header. A word in a sibling line or in prose above does not count: "Register this public key in
/// Binance API Management:" says nothing about the PEM lines below it (issue 15: 400 characters before was too loose).
/// </summary>
internal static class KeywordScope
{
    /// <summary>Lines looked at above the value, at most (a cost bound: this runs only on candidate matches).</summary>
    private const int MaxLinesUp = 300;

    /// <summary>True when one of <paramref name="words"/> is in the scope of the character at <paramref name="index"/>.</summary>
    public static bool Contains(string text, int index, IReadOnlyList<string> words)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var lineEnd = text.IndexOf('\n', index);
        var line = text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart);
        if (HasWord(line, words))
        {
            return true;
        }

        var indent = Indent(line);
        var previousEnd = lineStart - 1;
        for (var n = 0; n < MaxLinesUp && previousEnd >= 0; n++)
        {
            var start = previousEnd == 0 ? 0 : text.LastIndexOf('\n', previousEnd - 1) + 1;
            var above = text.AsSpan(start, previousEnd - start);
            previousEnd = start - 1;
            var trimmed = above.Trim();
            if (trimmed.IsEmpty || trimmed.Trim("{}[]();,").IsEmpty)
            {
                continue;
            }

            if (IsSectionHeader(trimmed))
            {
                return HasWord(trimmed, words);
            }

            var aboveIndent = Indent(above);
            if (aboveIndent < indent)
            {
                if (HasWord(above, words))
                {
                    return true;
                }

                indent = aboveIndent;
            }
        }

        return false;
    }

    /// <summary>A word occurs at a word start: after a non-letter, or as a camel-case hump (<c>newOkxClient</c>).</summary>
    internal static bool HasWord(ReadOnlySpan<char> line, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            for (var at = line.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;)
            {
                if (at == 0 || !char.IsLetter(line[at - 1]) || (char.IsLower(line[at - 1]) && char.IsUpper(line[at])))
                {
                    return true;
                }

                var next = line[(at + 1)..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        return false;
    }

    private static int Indent(ReadOnlySpan<char> line)
    {
        var n = 0;
        while (n < line.Length && (line[n] == ' ' || line[n] == '\t'))
        {
            n++;
        }

        return n;
    }

    /// <summary><c>[okx]</c>, <c>[exchanges.okx]</c>, <c>[[accounts]]</c>: a whole line in brackets, no quotes or commas.</summary>
    private static bool IsSectionHeader(ReadOnlySpan<char> trimmed) =>
        trimmed.Length > 2 && trimmed[0] == '[' && trimmed[^1] == ']' && trimmed.IndexOfAny("\"',=") < 0;
}
