using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// In languages that quote every string literal (Python, C#, JavaScript, Go, Java, notebooks...), a value that is not
/// in quotes is an expression: <c>self.binance_api_key = binance_api_key</c> passes a variable along and holds no
/// secret. Found by scanning hummingbot, whose exchange connectors gave over a hundred such critical findings. Shell
/// scripts, batch files and Dockerfiles are left out (<c>export KEY=value</c> is a literal there), and so are comment
/// lines, where a pasted key needs no quotes. Likewise a "quoted" value whose opening quote closes the literal the
/// key name sat in (<c>`API Secret:`),B=o(()=&gt;F.value?`…</c>, found in jesse's minified web UI) is the code between
/// two literals.
/// </summary>
/// <remarks>
/// One instance per text: the quote state of a line is carried from one value to the next (<see cref="OpenQuotes"/>),
/// so the values of a minified line cost one pass over it, not one pass each.
/// </remarks>
internal sealed class CodeExpression
{
    private static readonly string[] LiteralsUnquoted = [".sh", ".bash", ".zsh", ".ksh", ".fish", ".bat", ".cmd"];
    // A quote opens a dict entry or a docstring in Python and JavaScript, not a comment: only these start one.
    private static readonly string[] CommentStarts = ["#", "//", "/*", "*", "--", ";"];

    private readonly string _text;
    private readonly LineIndex _lines;
    private readonly bool _applies;
    private readonly bool _notebook;
    private readonly OpenQuotes _quotes;

    /// <param name="text">The text.</param>
    /// <param name="lines">Its lines.</param>
    /// <param name="relativePath">The file's path, which says its language.</param>
    public CodeExpression(string text, LineIndex lines, string relativePath)
    {
        _text = text;
        _lines = lines;
        _applies = QuotesItsLiterals(relativePath);
        _notebook = relativePath.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);
        _quotes = new OpenQuotes(text, lines, _notebook);
    }

    /// <summary>True when the value at <paramref name="valueIndex"/> is an unquoted expression in a code file.</summary>
    public bool Holds(int valueIndex)
    {
        if (valueIndex == 0 || !_applies)
        {
            return false;
        }

        if (_text[valueIndex - 1] is '"' or '\'' or '`')
        {
            return ClosesALiteral(valueIndex - 1);
        }

        // Only a value that stands where an expression would (after '=', ':', '(' or ',' and spaces) and starts like
        // one: a token inside a URL or a line of a PEM block is part of a literal.
        if (_text[valueIndex - 1] is not (' ' or '\t' or '=' or ':' or '(' or ',')
            || !(char.IsAsciiLetter(_text[valueIndex]) || _text[valueIndex] is '_' or '$'))
        {
            return false;
        }

        var lineStart = _lines.StartOf(valueIndex);
        var line = _text.AsSpan(lineStart, valueIndex - lineStart).TrimStart();
        if (_notebook)
        {
            // A notebook's code lines are JSON strings: look past the opening quote; %magic and !shell lines take literals.
            line = line.StartsWith("\"") ? line[1..] : line;
            if (line.StartsWith("%") || line.StartsWith("!"))
            {
                return false;
            }
        }

        foreach (var start in CommentStarts)
        {
            if (line.StartsWith(start, StringComparison.Ordinal))
            {
                return false;
            }
        }

        // Whether the line so far leaves a string literal open: "postgresql://u:… or "Password=… hold a literal even
        // though no quote is right before the value.
        return _quotes.Before(valueIndex).Open == '\0';
    }

    /// <summary>
    /// Whether the quote at <paramref name="quoteIndex"/> ends a literal opened earlier on its line rather than starting
    /// one. Escaped quotes (JSON inside a string), lines with a triple quote (a docstring's edge) and notebooks (whose
    /// code lines are themselves JSON strings) are left alone: there the count of quotes says nothing.
    /// </summary>
    private bool ClosesALiteral(int quoteIndex)
    {
        if ((quoteIndex > 0 && _text[quoteIndex - 1] == '\\') || _notebook)
        {
            return false;
        }

        var (open, tripleQuote) = _quotes.Before(quoteIndex);
        return !tripleQuote && open == _text[quoteIndex];
    }

    private static bool QuotesItsLiterals(string relativePath)
    {
        if (!SourceCodeFile.Is(relativePath))
        {
            return false;
        }

        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        return !name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase)
            && !name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
            && !LiteralsUnquoted.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }
}
