namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Whether a word names the scope a value sits in: the word is on the value's own line
/// (<c>BINANCE_API_SECRET = "…"</c>, <c>ENV OKX_PASSPHRASE=…</c>; on a minified line, near the value:
/// <see cref="MinifiedLine.Around"/>; not in the path of a URL the value is a parameter of: <see cref="UrlPath"/>), or on a line that opens one of the blocks enclosing
/// it, found by indentation (<c>okx:</c> above an indented YAML key, <c>"kraken": {</c> in JSON,
/// <c>class OkxSettings</c> above a property, <c>ccxt.bybit({</c> above a dict entry) or by an INI/TOML
/// <c>[section]</c> header. A word in a sibling line or in prose above does not count: "Register this public key in
/// Binance API Management:" says nothing about the PEM lines below it (issue 15: 400 characters before was too loose).
/// One instance per text: it keeps where the text's section headers are.
/// </summary>
internal sealed class KeywordScope(LineIndex lines)
{
    /// <summary>Lines looked at above the value, at most (a cost bound: this runs only on candidate matches).</summary>
    private const int MaxLinesUp = 300;

    /// <summary>0-based numbers of the lines that are section headers, ascending; found on first need.</summary>
    private List<int>? _headers;

    /// <summary>True when one of <paramref name="words"/> is in the scope of the character at <paramref name="index"/>.</summary>
    public bool Contains(int index, IReadOnlyList<string> words)
    {
        var (number, column) = lines.Locate(index);
        var at = number - 1;
        var line = lines.RawLine(at);
        // Blanked within the part only: on a minified line, reading or copying the whole line per candidate made a
        // scan quadratic in the line's length.
        var near = MinifiedLine.Around(line, column - 1, out var columnInNear);
        if (HasWord(UrlPath.Blanked(near, columnInNear), words))
        {
            return true;
        }

        var indent = Indent(line);
        var lowest = Math.Max(0, at - MaxLinesUp);
        for (var above = at - 1; above >= lowest; above--)
        {
            if (indent == 0)
            {
                // No line encloses an unindented one: only a section header above can still name the scope. Jumping
                // to it saves walking the 300 lines of a long file for every match (issue 15: most of a scan's time).
                var header = NearestHeader(above, lowest);
                return header >= 0 && HasWord(lines.RawLine(header).Trim(), words);
            }

            var text = lines.RawLine(above);
            var trimmed = text.Trim();
            if (IsBlank(trimmed))
            {
                continue;
            }

            if (IsSectionHeader(trimmed))
            {
                return HasWord(trimmed, words);
            }

            var aboveIndent = Indent(text);
            if (aboveIndent < indent)
            {
                if (HasWord(text, words))
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

    /// <summary>The last section header in lines <paramref name="lowest"/>..<paramref name="highest"/>, or -1.</summary>
    private int NearestHeader(int highest, int lowest)
    {
        if (_headers is null)
        {
            _headers = [];
            for (var n = 0; n < lines.Count; n++)
            {
                var trimmed = lines.RawLine(n).Trim();
                if (!IsBlank(trimmed) && IsSectionHeader(trimmed))
                {
                    _headers.Add(n);
                }
            }
        }

        var i = _headers.BinarySearch(highest);
        i = i >= 0 ? i : ~i - 1;
        return i >= 0 && _headers[i] >= lowest ? _headers[i] : -1;
    }

    /// <summary>An empty line, or one of brackets and punctuation only (<c>},</c>, <c>])</c>): it opens no scope.</summary>
    private static bool IsBlank(ReadOnlySpan<char> trimmed) => trimmed.IsEmpty || trimmed.Trim("{}[]();,").IsEmpty;

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
