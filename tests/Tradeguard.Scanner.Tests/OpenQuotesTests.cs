using Tradeguard.Scanner.Detection;

namespace Tradeguard.Scanner.Tests;

/// <summary>
/// <see cref="OpenQuotes"/> carries a line's quote count from one question to the next: each answer must be the one a
/// count from the line's start gives (the way every answer was computed before, kept here as the reference).
/// </summary>
public sealed class OpenQuotesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryAnswer_IsTheCountFromTheLinesStart_OnRandomTexts(bool notebook)
    {
        // Quotes of three kinds, escapes, line breaks, indentation: the characters the count turns on.
        const string alphabet = "ab \t\"'`\\\n=:";
        var random = new Random(20261207);
        for (var round = 0; round < 300; round++)
        {
            var text = new string([.. Enumerable.Range(0, 200).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var quotes = new OpenQuotes(text, new LineIndex(text), notebook);
            var index = 0;
            for (var question = 0; question < 120; question++)
            {
                // Mostly forward, as the candidates of a rule come; sometimes back, as the next rule starts over.
                index = random.Next(10) == 0 ? random.Next(text.Length) : Math.Min(text.Length - 1, index + random.Next(7));
                Assert.Equal(CountFromLineStart(text, index, notebook), quotes.Before(index));
            }
        }
    }

    [Fact]
    public void OnALongMinifiedLine_EveryAnswerIsTheCountFromTheLinesStart()
    {
        var line = string.Concat(Enumerable.Repeat("var a=\"x\\\"y\";b='z`';c=`'`;", 800));
        var quotes = new OpenQuotes(line, new LineIndex(line), notebook: false);
        for (var index = 0; index < line.Length; index += 3)
        {
            Assert.Equal(CountFromLineStart(line, index, notebook: false), quotes.Before(index));
        }
    }

    private static (char Open, bool TripleQuote) CountFromLineStart(string text, int index, bool notebook)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var line = text.AsSpan(lineStart, index - lineStart);
        var triple = line.Contains("\"\"\"", StringComparison.Ordinal) || line.Contains("'''", StringComparison.Ordinal);
        if (notebook)
        {
            line = line.TrimStart();
            line = line.StartsWith("\"") ? line[1..] : line;
        }

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

        return (open, triple);
    }
}
