using System.Collections.Concurrent;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Values a person typed from words, not a machine-made key: <c>somethingrandom</c>, <c>SuperSecurePassword</c>,
/// <c>super-secret</c>, <c>SuperSecurePassword1!</c>. Judged by zxcvbn (Wheeler, USENIX Security 2016; the zxcvbn-core
/// port): a strength score of 2 or less means under about 10^8 guesses, which no generated API key, token or signing
/// secret is (they score 4).
/// Used only in documentation, example and test files (<see cref="FixtureFile"/>).
/// </summary>
internal static class WeakPhrase
{
    private const int MaxWeakScore = 2;

    /// <summary>
    /// Longer values are not typed phrases, and are not judged: zxcvbn's cost grows far faster than the length (a
    /// 1,700-character PEM body in trufflehog's gcp_test.go took seconds each).
    /// </summary>
    private const int MaxPhraseLength = 64;

    /// <summary>Verdicts kept for the rest of the process, at most this many (about 10 MB of values of 64 characters).</summary>
    private const int MaxRemembered = 65_536;

    // A value is judged once: zxcvbn takes 1-130 ms a value here, and test folders repeat their fixtures (this
    // repository's tests folder asked 5,142 times about 602 distinct values; 40.9 s -> 9.4 s, docs/scan.md).
    private static readonly ConcurrentDictionary<string, bool> Verdicts = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="value"/> is a phrase of at most 64 characters guessable in under about 10^8 tries.</summary>
    public static bool Is(string value)
    {
        if (value.Length > MaxPhraseLength)
        {
            return false;
        }

        if (Verdicts.TryGetValue(value, out var weak))
        {
            return weak;
        }

        weak = PasswordStrength.Evaluate(value).Score <= MaxWeakScore;
        if (Verdicts.Count < MaxRemembered)
        {
            Verdicts.TryAdd(value, weak);
        }

        return weak;
    }
}
