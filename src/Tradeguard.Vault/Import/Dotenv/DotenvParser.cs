using System.Text;
using System.Text.RegularExpressions;

namespace Tradeguard.Vault.Import.Dotenv;

/// <summary>
/// Reads <c>.env</c> files exactly as python-dotenv 0.21 (<c>dotenv_values</c>, Debian bookworm's python3-dotenv) does:
/// a port of its <c>parser.py</c> reader and <c>variables.py</c> expansion, so a Python trader's file moves over with
/// the same key → value result. One deliberate difference: where python-dotenv logs "could not parse statement" and
/// skips it, this parser throws <see cref="ImportFormatException"/> naming the line, so nothing is imported half-way.
/// </summary>
/// <remarks>
/// Rules, in python-dotenv's terms: optional <c>export </c> prefix; keys bare or in single quotes; values bare (an
/// inline comment needs whitespace before <c>#</c>; trailing whitespace stripped), single-quoted (only <c>\\</c> and
/// <c>\'</c> are escapes) or double-quoted (<c>\\ \' \" \a \b \f \n \r \t \v</c>); quoted values may span lines; <c>KEY=</c>
/// is an empty value and a bare <c>KEY</c> has no value (null); <c>${NAME}</c> and <c>${NAME:-default}</c> expand
/// from earlier keys of the file, then the environment; a key given twice keeps its first position and last value.
/// Line ends <c>\r\n</c> and <c>\r</c> read as <c>\n</c> (Python's universal newlines).
/// </remarks>
public static partial class DotenvParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="source">The file name for messages.</param>
    /// <param name="environment">Looks up variables not defined earlier in the file (python-dotenv uses os.environ).</param>
    /// <param name="interpolate">Whether to expand <c>${...}</c> (python-dotenv's default is true).</param>
    /// <returns>Keys in order of first appearance with their final values; null for a key without <c>=</c>.</returns>
    /// <exception cref="ImportFormatException">A statement python-dotenv could not parse.</exception>
    public static IReadOnlyList<KeyValuePair<string, string?>> Parse(string text, string source, Func<string, string?> environment,
        bool interpolate = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        var reader = new Reader(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        var order = new List<string>();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.HasNext)
        {
            var (key, value) = ParseBinding(reader, source);
            if (key is null)
            {
                continue;
            }

            var resolved = value is null || !interpolate ? value : Expand(value, values, environment);
            if (!values.ContainsKey(key))
            {
                order.Add(key);
            }

            values[key] = resolved;
        }

        return order.Select(k => new KeyValuePair<string, string?>(k, values[k])).ToList();
    }

    private static (string? Key, string? Value) ParseBinding(Reader reader, string source)
    {
        try
        {
            reader.Read(MultilineWhitespace());
            if (!reader.HasNext)
            {
                return (null, null);
            }

            var statementLine = reader.Line;
            reader.Read(Export());
            var key = reader.Peek() == '#'
                ? null
                : reader.Read(reader.Peek() == '\'' ? SingleQuotedKey() : UnquotedKey(), statementLine)[1].Value;

            reader.Read(Whitespace());
            string? value = null;
            if (reader.Peek() == '=')
            {
                reader.Read(EqualSign());
                value = ParseValue(reader, statementLine);
            }

            reader.Read(Comment());
            reader.Read(EndOfLine(), statementLine);
            return (key, value);
        }
        catch (ParseError e)
        {
            throw new ImportFormatException(source, e.Line,
                "python-dotenv cannot parse this statement (an unterminated quote, a space inside an unquoted key, or text after a closing quote)");
        }
    }

    private static string ParseValue(Reader reader, int line)
    {
        switch (reader.Peek())
        {
            case '\'':
                return SingleQuoteEscapes().Replace(reader.Read(SingleQuotedValue(), line)[1].Value, m => m.Value[1..]);
            case '"':
                return DoubleQuoteEscapes().Replace(reader.Read(DoubleQuotedValue(), line)[1].Value, m => Unescape(m.Value[1]));
            case null or '\n' or '\r':
                return "";
            default:
                var part = reader.Read(UnquotedValue())[1].Value;
                return PythonText.RStrip(InlineComment().Replace(part, ""));
        }
    }

    // codecs.decode(..., 'unicode-escape') of the two-character escapes python-dotenv accepts.
    private static string Unescape(char c) => c switch
    {
        'a' => "\a",
        'b' => "\b",
        'f' => "\f",
        'n' => "\n",
        'r' => "\r",
        't' => "\t",
        'v' => "\v",
        _ => c.ToString(),
    };

    // variables.py: ${NAME} or ${NAME:-default}; earlier keys of the file win over the environment (override=True).
    private static string Expand(string value, Dictionary<string, string?> earlier, Func<string, string?> environment)
    {
        var result = new StringBuilder();
        var cursor = 0;
        foreach (Match m in PosixVariable().Matches(value))
        {
            result.Append(value, cursor, m.Index - cursor);
            var name = m.Groups["name"].Value;
            var fallback = m.Groups["default"].Success ? m.Groups["default"].Value : "";
            var found = earlier.TryGetValue(name, out var own) ? (own, true) : (environment(name), environment(name) is not null);
            result.Append(found.Item2 ? found.Item1 ?? "" : fallback);
            cursor = m.Index + m.Length;
        }

        return result.Append(value, cursor, value.Length - cursor).ToString();
    }

    // Python's \s is .NET's \s plus U+001C..U+001F (str.isspace()); [^\S\r\n] is that set less CR and LF.
    private const string Ws = @"[\s\x1c-\x1f]";
    private const string HWs = @"[\s\x1c-\x1f-[\r\n]]";

    [GeneratedRegex(@"\G" + Ws + "*")]
    private static partial Regex MultilineWhitespace();

    [GeneratedRegex(@"\G" + HWs + "*")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\G(?:export" + HWs + "+)?")]
    private static partial Regex Export();

    [GeneratedRegex(@"\G'([^']+)'")]
    private static partial Regex SingleQuotedKey();

    [GeneratedRegex(@"\G([^=\#\s\x1c-\x1f]+)")]
    private static partial Regex UnquotedKey();

    [GeneratedRegex(@"\G(=" + HWs + "*)")]
    private static partial Regex EqualSign();

    [GeneratedRegex(@"\G'((?:\\'|[^'])*)'")]
    private static partial Regex SingleQuotedValue();

    [GeneratedRegex(@"\G""((?:\\""|[^""])*)""")]
    private static partial Regex DoubleQuotedValue();

    [GeneratedRegex(@"\G([^\r\n]*)")]
    private static partial Regex UnquotedValue();

    [GeneratedRegex(@"\G(?:" + HWs + @"*#[^\r\n]*)?")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\G" + HWs + @"*(?:\r\n|\n|\r|$)")]
    private static partial Regex EndOfLine();

    [GeneratedRegex(@"\\[\\'""abfnrtv]")]
    private static partial Regex DoubleQuoteEscapes();

    [GeneratedRegex(@"\\[\\']")]
    private static partial Regex SingleQuoteEscapes();

    [GeneratedRegex(Ws + "+#.*")]
    private static partial Regex InlineComment();

    [GeneratedRegex(@"\$\{(?<name>[^\}:]*)(?::-(?<default>[^\}]*))?\}")]
    private static partial Regex PosixVariable();

    private sealed class ParseError(int line) : Exception
    {
        public int Line { get; } = line;
    }

    private sealed class Reader(string text)
    {
        private int _position;

        public int Line { get; private set; } = 1;

        public bool HasNext => _position < text.Length;

        public char? Peek() => _position < text.Length ? text[_position] : null;

        public GroupCollection Read(Regex regex, int? errorLine = null)
        {
            var m = regex.Match(text, _position);
            if (!m.Success)
            {
                throw new ParseError(errorLine ?? Line);
            }

            for (var i = m.Index; i < m.Index + m.Length; i++)
            {
                if (text[i] == '\n')
                {
                    Line++;
                }
            }

            _position = m.Index + m.Length;
            return m.Groups;
        }
    }
}
