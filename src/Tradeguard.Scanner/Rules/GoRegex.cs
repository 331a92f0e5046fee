using System.Text;
using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// Translates a gitleaks regex (Go's RE2 syntax, github.com/google/re2/wiki/Syntax) to .NET syntax, or refuses it
/// with the reason. Translated: named groups <c>(?P&lt;name&gt;…)</c>, literal spans <c>\Q…\E</c>, POSIX classes
/// <c>[[:alpha:]]</c>, code points <c>\x{…}</c>. Refused: <c>(?U)</c> (ungreedy by default: no .NET equivalent) and
/// <c>\C</c> (any byte). The rest (<c>(?i)</c> groups, <c>\A</c>, <c>\z</c>, <c>\b</c>, <c>\pL</c>, classes, repetition)
/// means the same in both. .NET also accepts what RE2 lacks (lookaround, back-references), so a regex RE2 rejects may
/// still run here.
/// </summary>
internal static class GoRegex
{
    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z", ["alpha"] = "A-Za-z", ["ascii"] = "\\x00-\\x7F", ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F", ["digit"] = "0-9", ["graph"] = "!-~", ["lower"] = "a-z", ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~", ["space"] = "\\t\\n\\v\\f\\r ", ["upper"] = "A-Z", ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    /// <summary>The .NET form of <paramref name="re2"/>.</summary>
    /// <exception cref="ArgumentException">A construct with no .NET equivalent; the message names it.</exception>
    public static string ToDotNet(string re2)
    {
        var output = new StringBuilder(re2.Length + 16);
        for (var i = 0; i < re2.Length; i++)
        {
            var c = re2[i];
            if (c == '\\' && i + 1 < re2.Length)
            {
                var next = re2[i + 1];
                if (next == 'Q')
                {
                    var end = re2.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? re2[(i + 2)..] : re2[(i + 2)..end];
                    output.Append(Regex.Escape(literal));
                    i = end < 0 ? re2.Length : end + 1;
                    continue;
                }

                if (next == 'C')
                {
                    throw new ArgumentException("\\C (any single byte) has no .NET equivalent");
                }

                if (next == 'x' && i + 2 < re2.Length && re2[i + 2] == '{')
                {
                    var close = re2.IndexOf('}', i + 3);
                    var code = close < 0 ? -1 : Convert.ToInt32(re2[(i + 3)..close], 16);
                    if (code is < 0 or > 0xFFFF)
                    {
                        throw new ArgumentException($"\\x{{...}} above U+FFFF (or malformed) has no .NET equivalent: {re2[i..Math.Min(re2.Length, i + 12)]}");
                    }

                    output.Append("\\u").Append(code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    i = close;
                    continue;
                }

                output.Append(c).Append(next);
                i++;
                continue;
            }

            if (c == '(' && re2.AsSpan(i).StartsWith("(?P<"))
            {
                output.Append("(?<");
                i += 3;
                continue;
            }

            if (c == '(' && re2.AsSpan(i).StartsWith("(?") && UngreedyFlag(re2, i + 2))
            {
                throw new ArgumentException("the U flag (ungreedy by default) has no .NET equivalent; write lazy quantifiers (*?, +?) instead");
            }

            if (c == '[' && re2.AsSpan(i).StartsWith("[:"))
            {
                var close = re2.IndexOf(":]", i + 2, StringComparison.Ordinal);
                var name = close < 0 ? "" : re2[(i + 2)..close];
                var negated = name.StartsWith('^');
                if (PosixClasses.TryGetValue(negated ? name[1..] : name, out var range))
                {
                    if (negated)
                    {
                        throw new ArgumentException($"the negated POSIX class [:{name}:] is not translated; write the class out");
                    }

                    output.Append(range);
                    i = close + 1;
                    continue;
                }
            }

            output.Append(c);
        }

        return output.ToString();
    }

    /// <summary>
    /// The .NET group number of RE2's group <paramref name="re2Group"/> (RE2 numbers every capture group by position;
    /// .NET numbers the unnamed ones first and the named ones after them).
    /// </summary>
    public static int GroupNumber(string re2, int re2Group, Regex translated)
    {
        var position = 0;
        var unnamed = 0;
        var inClass = false;
        for (var i = 0; i < re2.Length; i++)
        {
            var c = re2[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
                if (i + 1 < re2.Length && re2[i + 1] == ']')
                {
                    i++;
                }
            }
            else if (c == '(')
            {
                var named = re2.AsSpan(i).StartsWith("(?P<") ? 4 : re2.AsSpan(i).StartsWith("(?<") && !re2.AsSpan(i).StartsWith("(?<=") && !re2.AsSpan(i).StartsWith("(?<!") ? 3 : 0;
                if (named == 0 && i + 1 < re2.Length && re2[i + 1] == '?')
                {
                    continue;
                }

                position++;
                unnamed += named == 0 ? 1 : 0;
                if (position == re2Group)
                {
                    return named == 0 ? unnamed : translated.GroupNumberFromName(re2[(i + named)..re2.IndexOf('>', i + named)]);
                }
            }
        }

        return re2Group == 0 ? 0 : -1;
    }

    /// <summary>True when the flag group starting at <paramref name="at"/> (after "(?") sets U before its ':' or ')'.</summary>
    private static bool UngreedyFlag(string re2, int at)
    {
        for (var i = at; i < re2.Length && re2[i] is not (':' or ')'); i++)
        {
            if (re2[i] == 'U')
            {
                return true;
            }

            if (!char.IsAsciiLetter(re2[i]) && re2[i] != '-')
            {
                return false;
            }
        }

        return false;
    }
}
