using System.Security.Cryptography;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Identity.Policy;

/// <summary>Generates passwords from the operating system's CSPRNG (<see cref="RandomNumberGenerator"/>).</summary>
public static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%&*+-=?@^_~";
    private static readonly string Alphabet = Upper + Lower + Digits + Symbols;
    private static readonly Lazy<string[]> WordList = new(() => EmbeddedList.Read("eff_large_wordlist.txt"));

    /// <summary>Shortest character password generated.</summary>
    public const int MinimumLength = 12;

    /// <summary>Fewest passphrase words generated.</summary>
    public const int MinimumWords = 4;

    /// <summary>
    /// <paramref name="length"/> characters drawn uniformly from 71 unambiguous ones (no 0/O, 1/l/I), redrawn until
    /// all four classes appear so the classic policy accepts it: about 6.1 bits per character.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is under 12 or over 256.</exception>
    public static Secret Characters(int length = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinimumLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 256);
        var chars = new char[length];
        try
        {
            do
            {
                for (var i = 0; i < length; i++)
                {
                    chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
                }
            }
            while (!(chars.Any(Upper.Contains) && chars.Any(Lower.Contains) && chars.Any(Digits.Contains) && chars.Any(Symbols.Contains)));

            return Secret.FromChars(chars);
        }
        finally
        {
            Array.Clear(chars);
        }
    }

    /// <summary>
    /// <paramref name="words"/> words drawn uniformly from the EFF Large Wordlist (7,776 words, 12.9 bits each),
    /// capitalised and joined by '-', with one random digit appended so the classic policy's four classes are
    /// present, e.g. <c>Unclip-Tweezers-Overhand-Moonlike-Gangly-Scorpion-4</c> (6 words ≈ 80.8 bits).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="words"/> is under 4 or over 32.</exception>
    public static Secret Passphrase(int words = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(words, MinimumWords);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(words, 32);
        var list = WordList.Value;
        var picked = Enumerable.Range(0, words)
            .Select(_ => list[RandomNumberGenerator.GetInt32(list.Length)])
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        return Secret.FromString(string.Join('-', picked) + "-" + RandomNumberGenerator.GetInt32(10));
    }

    /// <summary>The entropy in bits of <see cref="Passphrase"/> with <paramref name="words"/> words.</summary>
    public static double PassphraseBits(int words) => (words * Math.Log2(WordList.Value.Length)) + Math.Log2(10);

    /// <summary>The entropy in bits of <see cref="Characters"/> with <paramref name="length"/> characters (upper bound).</summary>
    public static double CharacterBits(int length) => length * Math.Log2(Alphabet.Length);
}
