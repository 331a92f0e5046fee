using System.Text;
using System.Text.RegularExpressions;

namespace Tradeguard.Vault.Import.Ini;

/// <summary>
/// Reads <c>config.ini</c> exactly as Python's <c>configparser.ConfigParser()</c> with its defaults does (a port of
/// CPython 3.11's <c>RawConfigParser._read</c> and <c>BasicInterpolation</c>), so a Python trader's file imports with
/// the same section → key → value result.
/// </summary>
/// <remarks>
/// Rules, in configparser's terms: <c>[section]</c> headers (anything up to the last <c>]</c>); options split at the first
/// <c>=</c> or <c>:</c>, names lower-cased, both sides stripped; whole-line comments start with <c>#</c> or <c>;</c> (no
/// inline comments); lines indented deeper than their option continue its value, blank lines inside a value are kept and
/// trailing ones dropped; <c>[DEFAULT]</c> values are inherited by every section; <c>%(name)s</c> expands from the same
/// section or DEFAULT (10 levels deep at most) and <c>%%</c> is a literal <c>%</c>; a repeated section or option, an
/// option before any section, or a line that is neither is an error (strict mode).
/// </remarks>
public static partial class IniParser
{
    /// <summary>The name of the section whose values every section inherits.</summary>
    public const string DefaultSection = "DEFAULT";

    private const int MaxInterpolationDepth = 10;

    /// <summary>Parses and interpolates <paramref name="text"/>.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="source">The file name for messages.</param>
    /// <returns><c>DEFAULT</c> first (its own values), then each section in file order with its items as
    /// <c>config.items(section)</c> gives them: inherited defaults and own options, interpolated.</returns>
    /// <exception cref="ImportFormatException">Anything configparser would raise, with the line it concerns.</exception>
    public static IReadOnlyList<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = Read(text, source);
        var result = new List<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>>
        {
            new(DefaultSection, Items(document, DefaultSection, source)),
        };
        result.AddRange(document.Sections.Keys.Select(name =>
            new KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>(name, Items(document, name, source))));
        return result;
    }

    private sealed class Option(int line)
    {
        public int Line { get; } = line;
        public List<string> Lines { get; } = [];
        public string Value { get; set; } = "";
    }

    private sealed class Document
    {
        public OrderedDictionary<string, Option> Defaults { get; } = new(StringComparer.Ordinal);
        public OrderedDictionary<string, OrderedDictionary<string, Option>> Sections { get; } = new(StringComparer.Ordinal);
    }

    private static Document Read(string text, string source)
    {
        var document = new Document();
        var added = new HashSet<string>(StringComparer.Ordinal);
        OrderedDictionary<string, Option>? current = null;
        string? sectionName = null;
        string? optionName = null;
        var indentLevel = 0;
        int? firstBadLine = null;
        var lines = SplitLines(text);
        for (var index = 0; index < lines.Count; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index];
            var stripped = PythonText.Strip(line);
            var isComment = stripped.StartsWith('#') || stripped.StartsWith(';');
            var value = isComment ? "" : stripped;
            if (value.Length == 0)
            {
                if (!isComment && current is not null && !string.IsNullOrEmpty(optionName))
                {
                    current[optionName].Lines.Add("");
                }

                continue;
            }

            var indent = FirstNonSpace(line);
            if (current is not null && !string.IsNullOrEmpty(optionName) && indent > indentLevel)
            {
                current[optionName].Lines.Add(value);
                continue;
            }

            indentLevel = indent;
            var header = SectionHeader().Match(value);
            if (header.Success)
            {
                sectionName = header.Groups["header"].Value;
                if (document.Sections.TryGetValue(sectionName, out var existing))
                {
                    if (added.Contains("s:" + sectionName))
                    {
                        throw new ImportFormatException(source, lineNumber, $"section [{sectionName}] appears twice (configparser: DuplicateSectionError)");
                    }

                    current = existing;
                    added.Add("s:" + sectionName);
                }
                else if (sectionName == DefaultSection)
                {
                    current = document.Defaults;
                }
                else
                {
                    current = new OrderedDictionary<string, Option>(StringComparer.Ordinal);
                    document.Sections[sectionName] = current;
                    added.Add("s:" + sectionName);
                }

                optionName = null;
                continue;
            }

            if (current is null)
            {
                throw new ImportFormatException(source, lineNumber, "a value comes before any [section] header (configparser: MissingSectionHeaderError)");
            }

            var option = OptionLine().Match(value);
            if (!option.Success)
            {
                firstBadLine ??= lineNumber;
                continue;
            }

            var rawName = option.Groups["option"].Value;
            if (rawName.Length == 0)
            {
                firstBadLine ??= lineNumber;
            }

            optionName = PythonText.RStrip(rawName).ToLowerInvariant();
            if (!added.Add("o:" + sectionName + "\n" + optionName))
            {
                throw new ImportFormatException(source, lineNumber, $"option '{optionName}' appears twice in [{sectionName}] (configparser: DuplicateOptionError)");
            }

            var entry = new Option(lineNumber);
            entry.Lines.Add(PythonText.Strip(option.Groups["value"].Value));
            current[optionName] = entry;
        }

        foreach (var options in document.Sections.Values.Prepend(document.Defaults))
        {
            foreach (var o in options.Values)
            {
                o.Value = PythonText.RStrip(string.Join('\n', o.Lines));
            }
        }

        if (firstBadLine is { } bad)
        {
            throw new ImportFormatException(source, bad, "this line is neither a [section], a comment, nor name = value (configparser: ParsingError)");
        }

        return document;
    }

    // config.items(section): defaults then own options (an override keeps the default's position), interpolated.
    private static IReadOnlyList<KeyValuePair<string, string>> Items(Document document, string section, string source)
    {
        var map = new OrderedDictionary<string, Option>(document.Defaults, StringComparer.Ordinal);
        if (section != DefaultSection)
        {
            foreach (var (name, option) in document.Sections[section])
            {
                map[name] = option;
            }
        }

        return map.Select(kv => new KeyValuePair<string, string>(kv.Key, Interpolate(kv.Value, kv.Key, section, map, source))).ToList();
    }

    private static string Interpolate(Option option, string name, string section, OrderedDictionary<string, Option> map, string source)
    {
        var accum = new StringBuilder();
        InterpolateSome(accum, option.Value, 1);
        return accum.ToString();

        void InterpolateSome(StringBuilder output, string rest, int depth)
        {
            if (depth > MaxInterpolationDepth)
            {
                throw Error("nests %(...)s references more than 10 deep (configparser: InterpolationDepthError)");
            }

            while (rest.Length > 0)
            {
                var p = rest.IndexOf('%', StringComparison.Ordinal);
                if (p < 0)
                {
                    output.Append(rest);
                    return;
                }

                output.Append(rest, 0, p);
                rest = rest[p..];
                var c = rest.Length > 1 ? rest[1] : '\0';
                if (rest.Length > 1 && c == '%')
                {
                    output.Append('%');
                    rest = rest[2..];
                }
                else if (rest.Length > 1 && c == '(')
                {
                    var m = Reference().Match(rest);
                    if (!m.Success)
                    {
                        throw Error("has a bad %(name)s reference (configparser: InterpolationSyntaxError)");
                    }

                    var variable = m.Groups[1].Value.ToLowerInvariant();
                    rest = rest[m.Length..];
                    if (!map.TryGetValue(variable, out var target))
                    {
                        throw Error($"refers to %({variable})s, which is not in [{section}] or [DEFAULT] (configparser: InterpolationMissingOptionError)");
                    }

                    if (target.Value.Contains('%', StringComparison.Ordinal))
                    {
                        InterpolateSome(output, target.Value, depth + 1);
                    }
                    else
                    {
                        output.Append(target.Value);
                    }
                }
                else
                {
                    throw Error("has a '%' that is not followed by '%' or '(' (configparser: InterpolationSyntaxError; write %% for a literal %)");
                }
            }
        }

        ImportFormatException Error(string problem) => new(source, option.Line, $"option '{name}' in [{section}] {problem}");
    }

    // Python's text mode: universal newlines, and iteration yields lines ending at '\n' only.
    private static List<string> SplitLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = normalized.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static int FirstNonSpace(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (!PythonText.IsSpace(line[i]))
            {
                return i;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^\[(?<header>.+)\]")]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"^(?<option>.*?)[\s\x1c-\x1f]*(?<vi>=|:)[\s\x1c-\x1f]*(?<value>.*)$")]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"^%\(([^)]+)\)s")]
    private static partial Regex Reference();
}
