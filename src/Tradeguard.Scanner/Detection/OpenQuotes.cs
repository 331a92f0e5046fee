namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Which string literal a line leaves open at a position (<see cref="CodeExpression"/>): quotes are counted from the
/// line's start, a backslash escapes the next character, and in a notebook (whose code lines are JSON strings) the
/// line starts after its opening quote and <c>\"</c> is the code's quote. One instance per text: a question about a
/// later position on the same line goes on from where the last one stopped, so the candidate values of a minified
/// line cost one pass over it (asking each from the line's start made a 4.8 MB bundle take 18.5 s).
/// </summary>
internal sealed class OpenQuotes(string text, LineIndex lines, bool notebook)
{
    private int _lineStart = -1;

    /// <summary>Where the count stopped: the next character to read.</summary>
    private int _next;

    private char _open;

    /// <summary>Where the search for a triple quote stopped, and whether one was found before it.</summary>
    private int _tripleSearched;

    private bool _tripleQuote;

    /// <summary>
    /// The quote of the literal that the text from the line's start up to <paramref name="index"/> (excluded) leaves
    /// open (<c>'\0'</c>: none), and whether that text holds a triple quote (<c>"""</c> or <c>'''</c>).
    /// </summary>
    public (char Open, bool TripleQuote) Before(int index)
    {
        var lineStart = lines.StartOf(index);
        if (lineStart != _lineStart || index < _next || index < _tripleSearched)
        {
            _lineStart = lineStart;
            _next = notebook ? AfterOpeningQuote(lineStart) : lineStart;
            _open = '\0';
            _tripleSearched = lineStart;
            _tripleQuote = false;
        }

        Count(index);
        if (!_tripleQuote)
        {
            // Two characters back, so a triple quote across the last stop is seen.
            var from = Math.Max(_lineStart, _tripleSearched - 2);
            var span = text.AsSpan(from, index - from);
            _tripleQuote = span.Contains("\"\"\"", StringComparison.Ordinal) || span.Contains("'''", StringComparison.Ordinal);
            _tripleSearched = index;
        }

        return (_open, _tripleQuote);
    }

    private void Count(int end)
    {
        var i = _next;
        for (; i < end; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= end)
                {
                    // What it escapes lies past this question: read it with the next one.
                    break;
                }

                if (notebook && text[i + 1] == '"')
                {
                    c = '"';
                }

                i++;
                if (c != '"')
                {
                    continue;
                }
            }

            if (_open == '\0' && c is '"' or '\'' or '`')
            {
                _open = c;
            }
            else if (c == _open)
            {
                _open = '\0';
            }
        }

        _next = i;
    }

    /// <summary>A notebook line's code starts after its indentation and the JSON string's opening quote.</summary>
    private int AfterOpeningQuote(int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] != '\n' && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < text.Length && text[i] == '"' ? i + 1 : i;
    }
}
