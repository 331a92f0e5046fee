namespace Tradeguard.Scanner.Detection;

/// <summary>
/// A line no one wrote by hand: a minified bundle or an inlined grammar (a web UI's <c>_nuxt/*.js</c>, thousands of
/// characters on one line). There the line stops meaning "the statement around a value": a practice rule's same-line
/// context (a login form's <c>password</c> beside a confetti animation's <c>Math.random</c>) and a scope word
/// (<c>kucoin</c> in an exchange list 10,000 characters away) would pair things that have nothing to do with each other.
/// </summary>
internal static class MinifiedLine
{
    /// <summary>Lines this long or longer are generated: hand-written code wraps far earlier.</summary>
    public const int MinLength = 1000;

    /// <summary>How far either side of a value its neighbourhood reaches on a minified line: one statement or object.</summary>
    public const int Reach = 200;

    public static bool Is(ReadOnlySpan<char> line) => line.Length >= MinLength;

    /// <summary>
    /// The part of <paramref name="line"/> that can say something about the character at 0-based
    /// <paramref name="column"/>: the whole line, or on a minified line <see cref="Reach"/> characters either side.
    /// <paramref name="columnInPart"/> is where that character is in the part.
    /// </summary>
    public static ReadOnlySpan<char> Around(ReadOnlySpan<char> line, int column, out int columnInPart)
    {
        var from = Is(line) ? Math.Max(0, column - Reach) : 0;
        columnInPart = column - from;
        return Is(line) ? line[from..Math.Min(line.Length, column + Reach)] : line;
    }
}
