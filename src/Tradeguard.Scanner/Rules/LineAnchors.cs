using System.Text;
using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// Reads a rule's regex to prove that every match lies on one line (<see cref="OneLinePattern"/>), and which lines can
/// hold one: those with one of a few literal strings (the anchors) that every match of a top-level branch contains, or
/// a match of a branch that has none (a probe: the bare 64-character value beside the assignment grammar). Then the
/// regex needs to run only on those lines, not on the whole file, and a match's scope can be judged by its line before
/// any group is computed. The proof is conservative: any construct it does not fully understand (backreferences,
/// conditionals, <c>\p{…}</c>, <c>\G</c>, a <c>$</c> outside multi-line mode, single-line or free-spacing mode...)
/// means "not proven", and the rule runs on the whole text as before.
/// </summary>
/// <remarks>
/// One line: no part of the pattern, lookarounds included, can match a <c>\n</c>. Anchors: the sequence of a match
/// holds one of the strings (a literal run, or the union over an alternation), matched case-insensitively at most;
/// a text line that holds none of them in ASCII case-insensitive form and no non-ASCII character (the regex's case
/// folding maps <c>K</c> to the Kelvin sign and <c>s</c> to <c>ſ</c>) cannot hold a match of that branch.
/// </remarks>
internal static class LineAnchors
{
    /// <summary>Anchors shorter than this occur on most lines: windows would cost more than they save.</summary>
    private const int MinAnchorLength = 3;

    /// <summary>What is proven of <paramref name="pattern"/>, or null when a match may span lines.</summary>
    public static OneLinePattern? Of(Regex pattern)
    {
        if ((pattern.Options & (RegexOptions.Singleline | RegexOptions.IgnorePatternWhitespace | RegexOptions.RightToLeft | RegexOptions.ECMAScript)) != 0)
        {
            return null;
        }

        try
        {
            var text = pattern.ToString();
            var reader = new Reader(text, (pattern.Options & RegexOptions.Multiline) != 0, (pattern.Options & RegexOptions.IgnoreCase) != 0);
            reader.Alternation();
            if (!reader.AtEnd)
            {
                return null;
            }

            var anchors = new List<string>();
            var probes = new List<string>();
            foreach (var branch in reader.Branches)
            {
                if (branch.Anchors is { } a && a.All(s => s.Length >= MinAnchorLength))
                {
                    anchors.AddRange(a);
                }
                else
                {
                    // The options in force where the branch starts (.NET carries an inline (?i) across '|').
                    probes.Add($"(?{(branch.IgnoreCase ? "i" : "-i")}{(branch.Multiline ? "m" : "-m")}:{text[branch.Start..branch.End]})");
                }
            }

            return anchors.Count == 0 ? new OneLinePattern(null, []) : new OneLinePattern(anchors, probes);
        }
        catch (NotProvenException)
        {
            return null;
        }
    }

    private sealed class NotProvenException : Exception;

    /// <summary>A recursive-descent reader of .NET regex syntax; each method returns the anchors of what it read (null: none).</summary>
    private sealed class Reader(string p, bool multiline, bool ignoreCase)
    {
        private int _i;
        private int _depth;
        private bool _multiline = multiline;
        private bool _ignoreCase = ignoreCase;

        public bool AtEnd => _i == p.Length;

        /// <summary>The pattern's top-level branches, as read.</summary>
        public List<Branch> Branches { get; } = [];

        public List<string>? Alternation()
        {
            // As in .NET, an inline option (?m) holds to the end of its group, later branches included.
            var (savedMultiline, savedIgnoreCase) = (_multiline, _ignoreCase);
            var top = _depth++ == 0;
            var all = new List<string>();
            var proven = true;
            while (true)
            {
                var (start, branchMultiline, branchIgnoreCase) = (_i, _multiline, _ignoreCase);
                var branch = Sequence();
                if (top)
                {
                    Branches.Add(new Branch(start, _i, branch, branchMultiline, branchIgnoreCase));
                }

                if (branch is null)
                {
                    proven = false;
                }
                else
                {
                    all.AddRange(branch);
                }

                if (_i < p.Length && p[_i] == '|')
                {
                    _i++;
                    continue;
                }

                (_multiline, _ignoreCase) = (savedMultiline, savedIgnoreCase);
                _depth--;
                return proven ? all : null;
            }
        }

        private List<string>? Sequence()
        {
            List<string>? best = null;
            var run = new StringBuilder();
            void EndRun()
            {
                if (run.Length > 0)
                {
                    best = Better(best, [run.ToString()]);
                    run.Clear();
                }
            }

            while (_i < p.Length && p[_i] != '|' && p[_i] != ')')
            {
                var (anchors, literal) = Atom();
                var (min, quantified) = Quantifier();
                if (literal is char c && !quantified)
                {
                    run.Append(c);
                    continue;
                }

                EndRun();
                if (min >= 1)
                {
                    best = Better(best, literal is char one ? [one.ToString()] : anchors);
                }
            }

            EndRun();
            return best;
        }

        /// <summary>The set whose shortest string is longer: every match holds one of either set, the longer ones filter better.</summary>
        private static List<string>? Better(List<string>? a, List<string>? b) =>
            a is null ? b : b is null ? a : b.Min(s => s.Length) > a.Min(s => s.Length) ? b : a;

        private (int Min, bool Quantified) Quantifier()
        {
            if (_i >= p.Length)
            {
                return (1, false);
            }

            int min;
            switch (p[_i])
            {
                case '*':
                case '?':
                    min = 0;
                    _i++;
                    break;
                case '+':
                    min = 1;
                    _i++;
                    break;
                case '{':
                    var m = Regex.Match(p[_i..], @"^\{(\d+)(,\d*)?\}");
                    if (!m.Success)
                    {
                        return (1, false);
                    }

                    min = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    _i += m.Length;
                    break;
                default:
                    return (1, false);
            }

            if (_i < p.Length && p[_i] == '?')
            {
                _i++;
            }

            return (min, true);
        }

        /// <summary>One atom: its anchors, or the literal character it is.</summary>
        private (List<string>? Anchors, char? Literal) Atom()
        {
            var c = p[_i++];
            switch (c)
            {
                case '(':
                    return (Group(), null);
                case '[':
                    Class();
                    return (null, null);
                case '\\':
                    return (null, Escape());
                case '.':
                    return (null, null);
                case '^':
                    return (null, null);
                case '$':
                    // Outside multi-line mode $ also matches before a final \n: a window's end would look like one.
                    return _multiline ? (null, null) : throw new NotProvenException();
                case '\n':
                case '*':
                case '+':
                case '?':
                    throw new NotProvenException();
                default:
                    return (null, c);
            }
        }

        private List<string>? Group()
        {
            if (_i < p.Length && p[_i] == '?')
            {
                _i++;
                var kind = p[_i];
                if (kind == ':' || kind == '>' || kind == '=' || kind == '!')
                {
                    _i++;
                    var inner = Alternation();
                    Close();
                    return kind is ':' or '>' ? inner : null;
                }

                if (kind == '<' && _i + 1 < p.Length && (p[_i + 1] == '=' || p[_i + 1] == '!'))
                {
                    _i += 2;
                    Alternation();
                    Close();
                    return null;
                }

                if (kind == '<' || kind == '\'')
                {
                    var end = p.IndexOf(kind == '<' ? '>' : '\'', _i + 1);
                    if (end < 0 || !Regex.IsMatch(p[(_i + 1)..end], @"^\w+$"))
                    {
                        throw new NotProvenException();
                    }

                    _i = end + 1;
                    var named = Alternation();
                    Close();
                    return named;
                }

                return Options();
            }

            var captured = Alternation();
            Close();
            return captured;
        }

        /// <summary><c>(?imnsx-imnsx)</c> for the rest of the group, or <c>(?imnsx-imnsx:…)</c>.</summary>
        private List<string>? Options()
        {
            var on = true;
            var multiline = _multiline;
            var ignoreCase = _ignoreCase;
            while (_i < p.Length && p[_i] != ')' && p[_i] != ':')
            {
                switch (p[_i++])
                {
                    case '-':
                        on = false;
                        break;
                    case 'm':
                        multiline = on;
                        break;
                    case 'i':
                        ignoreCase = on;
                        break;
                    case 'n':
                        break;
                    case 's' when !on:
                        break;
                    case 'x' when !on:
                        break;
                    default:
                        throw new NotProvenException();
                }
            }

            if (_i >= p.Length)
            {
                throw new NotProvenException();
            }

            if (p[_i++] == ')')
            {
                (_multiline, _ignoreCase) = (multiline, ignoreCase);
                return null;
            }

            var saved = (_multiline, _ignoreCase);
            (_multiline, _ignoreCase) = (multiline, ignoreCase);
            var inner = Alternation();
            Close();
            (_multiline, _ignoreCase) = saved;
            return inner;
        }

        private void Close()
        {
            if (_i >= p.Length || p[_i] != ')')
            {
                throw new NotProvenException();
            }

            _i++;
        }

        /// <summary>An escape outside a class: the literal character, or null for a class (\d, \w, \S) or a zero-width test (\b, \A).</summary>
        private char? Escape()
        {
            if (_i >= p.Length)
            {
                throw new NotProvenException();
            }

            var c = p[_i++];
            switch (c)
            {
                case 'd' or 'w' or 'S' or 'b' or 'B' or 'A':
                    return null;
                case 'D' or 'W' or 's' or 'n' or 'G' or 'Z' or 'z' or 'p' or 'P' or 'k' or 'x' or 'u' or 'c' or 'e' or 'a' or 'f' or 'v':
                    throw new NotProvenException();
                case 't':
                    return '\t';
                case 'r':
                    return '\r';
                default:
                    return char.IsLetterOrDigit(c) ? throw new NotProvenException() : c;
            }
        }

        /// <summary>A character class; only one that cannot match <c>\n</c> is proven.</summary>
        private void Class()
        {
            var negated = _i < p.Length && p[_i] == '^';
            if (negated)
            {
                _i++;
            }

            var holdsNewline = false;
            var first = true;
            while (true)
            {
                if (_i >= p.Length)
                {
                    throw new NotProvenException();
                }

                var c = p[_i++];
                if (c == ']' && !first)
                {
                    break;
                }

                first = false;
                int low;
                if (c == '\\')
                {
                    var e = _i < p.Length ? p[_i++] : throw new NotProvenException();
                    switch (e)
                    {
                        case 's' or 'W' or 'D' or 'n':
                            holdsNewline = true;
                            continue;
                        case 'S' or 'w' or 'd':
                            continue;
                        case 't':
                            low = '\t';
                            break;
                        case 'r':
                            low = '\r';
                            break;
                        default:
                            low = char.IsLetterOrDigit(e) ? throw new NotProvenException() : e;
                            break;
                    }
                }
                else if (c == '[' || c == '\n')
                {
                    throw new NotProvenException();
                }
                else
                {
                    low = c;
                }

                if (_i + 1 < p.Length && p[_i] == '-' && p[_i + 1] != ']')
                {
                    _i++;
                    var high = p[_i++];
                    if (high == '\\' || high == '[')
                    {
                        throw new NotProvenException();
                    }

                    holdsNewline |= low <= '\n' && '\n' <= high;
                }
            }

            if (negated != holdsNewline)
            {
                throw new NotProvenException();
            }
        }
    }

    /// <summary>A top-level branch: where it is in the pattern, its anchors (null: none) and the options in force at its start.</summary>
    private sealed record Branch(int Start, int End, List<string>? Anchors, bool Multiline, bool IgnoreCase);
}
