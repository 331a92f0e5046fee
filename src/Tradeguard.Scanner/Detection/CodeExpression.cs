using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// In languages that quote every string literal (Python, C#, JavaScript, Go, Java, notebooks...), a value that is not
/// in quotes is an expression: <c>self.binance_api_key = binance_api_key</c> passes a variable along and holds no
/// secret. Found by scanning hummingbot, whose exchange connectors gave over a hundred such critical findings. Shell
/// scripts, batch files and Dockerfiles are left out (<c>export KEY=value</c> is a literal there), and so are comment
/// lines, where a pasted key needs no quotes.
/// </summary>
internal static class CodeExpression
{
    private static readonly string[] LiteralsUnquoted = [".sh", ".bash", ".zsh", ".ksh", ".fish", ".bat", ".cmd"];
    // A quote opens a dict entry or a docstring in Python and JavaScript, not a comment: only these start one.
    private static readonly string[] CommentStarts = ["#", "//", "/*", "*", "--", ";"];

    /// <summary>True when the value at <paramref name="valueIndex"/> is an unquoted expression in a code file.</summary>
    public static bool Holds(string text, int valueIndex, string relativePath)
    {
        // Only a value that stands where an expression would (after '=', ':', '(' or ',' and spaces) and starts like
        // one: a token inside a URL or a line of a PEM block is part of a literal.
        if (valueIndex == 0 || text[valueIndex - 1] is not (' ' or '\t' or '=' or ':' or '(' or ',')
            || !(char.IsAsciiLetter(text[valueIndex]) || text[valueIndex] is '_' or '$')
            || !QuotesItsLiterals(relativePath))
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
    /// Whether the line so far leaves a string literal open: <c>"postgresql://u:…</c> or <c>"Password=…</c>
    /// hold a literal even though no quote is right before the value. In a notebook, <c>\"</c> is the code's quote.
    /// </summary>
    private static bool InsideStringLiteral(ReadOnlySpan<char> line, bool notebook)
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

        return open != '\0';
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
