namespace Tradeguard.Scanner.Detection;

/// <summary>Maps a character offset in a text to a 1-based line and column (UTF-16 code units, SARIF's default).</summary>
internal sealed class LineIndex
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public LineIndex(string text)
    {
        _text = text;
        var span = text.AsSpan();
        var offset = 0;
        while (true)
        {
            var next = span[offset..].IndexOf('\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
            _starts.Add(offset);
        }
    }

    /// <summary>1-based line and column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        var i = _starts.BinarySearch(offset);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return (i + 1, offset - _starts[i] + 1);
    }

    /// <summary>The offset at which the line holding <paramref name="offset"/> starts.</summary>
    public int StartOf(int offset) => offset - Locate(offset).Column + 1;

    /// <summary>Number of lines (a text ending in a line break has an empty last line).</summary>
    public int Count => _starts.Count;

    /// <summary>The text of 0-based line <paramref name="index"/> without its <c>\n</c> (a <c>\r</c> before it stays).</summary>
    public ReadOnlySpan<char> RawLine(int index)
    {
        var start = _starts[index];
        var end = index + 1 < _starts.Count ? _starts[index + 1] - 1 : _text.Length;
        return _text.AsSpan(start, end - start);
    }

    /// <summary>The text of 1-based line <paramref name="line"/>, without its line break.</summary>
    public ReadOnlySpan<char> LineText(int line)
    {
        var start = _starts[line - 1];
        var end = line < _starts.Count ? _starts[line] : _text.Length;
        return _text.AsSpan(start, end - start).TrimEnd("\r\n");
    }
}
