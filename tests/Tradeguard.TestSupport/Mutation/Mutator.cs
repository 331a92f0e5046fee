using System.Text;

namespace Tradeguard.TestSupport.Mutation;

/// <summary>
/// Makes inputs for a parser from valid examples, reproducibly from one seed: byte-level mutations (flip a bit, set or
/// insert a byte from a list of troublemakers such as NUL, 0xFF and a stray UTF-8 lead byte, delete, duplicate or
/// truncate a range) and structure-aware ones (splice two examples, insert a token of the format, replace a word or a
/// number with an extreme value, repeat a line). Each input stacks one to four of them.
/// </summary>
public sealed class Mutator(int seed, IReadOnlyList<byte[]> examples, IReadOnlyList<byte[]> tokens)
{
    /// <summary>A mutator for a text format, from UTF-8 examples and tokens.</summary>
    public static Mutator ForText(int seed, IReadOnlyList<string> examples, IReadOnlyList<string> tokens) =>
        new(seed, examples.Select(Encoding.UTF8.GetBytes).ToArray(), tokens.Select(Encoding.UTF8.GetBytes).ToArray());

    /// <summary>Values that broke parsers before, or sit at the edge of a type: tried in place of any word.</summary>
    public static readonly string[] Extremes =
    [
        "79228162514264337593543950335", "-79228162514264337593543950335", "1e308", "-1e308", "1e-320", "NaN", "Infinity",
        "9223372036854775808", "-1", "0", "2147483648", "9999-12-31", "0001-01-01", "null", "true", "\"\"", "\"\\u0000\"",
        "\0", "\"/dev/zero\"", "\"relative/path\"", "\"../../etc/passwd\"", "{}", "[]", new string('9', 400),
    ];

    private static readonly byte[] Troublemakers = [0x00, 0xFF, 0xC0, 0xE2, 0x7F, (byte)'\n', (byte)'\r', (byte)'"', (byte)'\\', (byte)'{',
        (byte)'[', (byte)',', (byte)'=', (byte)'$', (byte)'#', (byte)';', (byte)':', (byte)'\''];

    private readonly Random random = new(seed);
    private readonly byte[][] corpus = [.. examples];

    /// <summary>The first example, unchanged (to warm the parser up before inputs are timed).</summary>
    public byte[] FirstExample => [.. corpus[0]];

    /// <summary>The next input.</summary>
    public byte[] Next()
    {
        var bytes = new List<byte>(corpus[random.Next(corpus.Length)]);
        var steps = 1 + random.Next(4);
        for (var i = 0; i < steps; i++)
        {
            Apply(bytes, random.Next(12));
        }

        return [.. bytes];
    }

    private void Apply(List<byte> bytes, int kind)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (kind)
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes[at] = Troublemakers[random.Next(Troublemakers.Length)];
                break;
            case 2:
                bytes.Insert(at, Troublemakers[random.Next(Troublemakers.Length)]);
                break;
            case 3 when bytes.Count > 0:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                break;
            case 4 when bytes.Count > 0:
                var length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                bytes.InsertRange(at, bytes.GetRange(at, length));
                break;
            case 5:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 6:
                var other = corpus[random.Next(corpus.Length)];
                var cut = random.Next(other.Length + 1);
                bytes.RemoveRange(at, bytes.Count - at);
                bytes.AddRange(other.AsSpan(cut).ToArray());
                break;
            case 7 or 8:
                bytes.InsertRange(at, tokens[random.Next(tokens.Count)]);
                break;
            case 9 or 10:
                ReplaceWord(bytes, random.Next(3) == 0 ? tokens[random.Next(tokens.Count)] : Encoding.UTF8.GetBytes(Extremes[random.Next(Extremes.Length)]));
                break;
            default:
                RepeatLine(bytes, at);
                break;
        }
    }

    /// <summary>Replaces the run of letters, digits, '.', '-' or '+' around a random position (a number, a date, a name).</summary>
    private void ReplaceWord(List<byte> bytes, byte[] replacement)
    {
        if (bytes.Count == 0)
        {
            bytes.AddRange(replacement);
            return;
        }

        static bool InWord(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'-' or (byte)'+';
        var at = random.Next(bytes.Count);
        var start = at;
        while (start > 0 && InWord(bytes[start - 1]))
        {
            start--;
        }

        var end = at;
        while (end < bytes.Count && InWord(bytes[end]))
        {
            end++;
        }

        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, replacement);
    }

    private void RepeatLine(List<byte> bytes, int at)
    {
        if (bytes.Count == 0)
        {
            return;
        }

        var start = bytes.FindLastIndex(Math.Min(at, bytes.Count - 1), b => b == (byte)'\n') + 1;
        var end = bytes.FindIndex(start, b => b == (byte)'\n');
        end = end < 0 ? bytes.Count : end + 1;
        var line = bytes.GetRange(start, end - start);
        for (var i = 1 + random.Next(3); i > 0; i--)
        {
            bytes.InsertRange(start, line);
        }
    }
}
