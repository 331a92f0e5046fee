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
internal static class CodeExpression
{
    private static readonly string[] LiteralsUnquoted = [".sh", ".bash", ".zsh", ".ksh", ".fish", ".bat", ".cmd"];
    // A quote opens a dict entry or a docstring in Python and JavaScript, not a comment: only these start one.
    private static readonly string[] CommentStarts = ["#", "//", "/*", "*", "--", ";"];

    /// <summary>True when the value at <paramref name="valueIndex"/> is an unquoted expression in a code file.</summary>
    public static bool Holds(string text, int valueIndex, string relativePath)
    {
        if (valueIndex == 0 || !QuotesItsLiterals(relativePath))
        {
            return false;
        }

        if (text[valueIndex - 1] is '"' or '\'' or '`')
        {
            return ClosesALiteral(text, valueIndex - 1, relativePath);
        }

        // Only a value that stands where an expression would (after '=', ':', '(' or ',' and spaces) and starts like
        // one: a token inside a URL or a line of a PEM block is part of a literal.
        if (text[valueIndex - 1] is not (' ' or '\t' or '=' or ':' or '(' or ',')
            || !(char.IsAsciiLetter(text[valueIndex]) || text[valueIndex] is '_' or '$'))
        {
            return false;
        }

        var lineStart = text.LastIndexOf('\n', valueIndex - 1) + 1;
        var line = text.AsSpan(lineStart, valueIndex - lineStart).TrimStart();
        var notebook = relativePath.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);
        if (notebook)
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

        return !InsideStringLiteral(line, notebook);
    }

    /// <summary>
    /// Whether the quote at <paramref name="quoteIndex"/> ends a literal opened earlier on its line rather than starting
    /// one. Escaped quotes (JSON inside a string), lines with a triple quote (a docstring's edge) and notebooks (whose
    /// code lines are themselves JSON strings) are left alone: there the count of quotes says nothing.
    /// </summary>
    private static bool ClosesALiteral(string text, int quoteIndex, string relativePath)
    {
        if ((quoteIndex > 0 && text[quoteIndex - 1] == '\\') || relativePath.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var lineStart = quoteIndex == 0 ? 0 : text.LastIndexOf('\n', quoteIndex - 1) + 1;
        var line = text.AsSpan(lineStart, quoteIndex - lineStart);
        return !line.Contains("\"\"\"", StringComparison.Ordinal) && !line.Contains("'''", StringComparison.Ordinal)
            && OpenQuote(line, notebook: false) == text[quoteIndex];
    }

    /// <summary>
    /// Whether the line so far leaves a string literal open: <c>"postgresql://u:…</c> or <c>"Password=…</c>
    /// hold a literal even though no quote is right before the value. In a notebook, <c>\"</c> is the code's quote.
    /// </summary>
    private static bool InsideStringLiteral(ReadOnlySpan<char> line, bool notebook) => OpenQuote(line, notebook) != '\0';

    /// <summary>The quote of the literal <paramref name="line"/> leaves open, or <c>'\0'</c>.</summary>
    private static char OpenQuote(ReadOnlySpan<char> line, bool notebook)
    {
        var open = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                if (notebook && line[i + 1] == '"')
                {
                    c = '"';
                }

                i++;
                if (c != '"')
                {
                    continue;
                }
            }

            if (open == '\0' && c is '"' or '\'' or '`')
            {
                open = c;
            }
            else if (c == open)
            {
                open = '\0';
            }
        }

        return open;
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
