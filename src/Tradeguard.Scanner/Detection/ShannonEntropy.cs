namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Shannon entropy of a string in bits per character, H = -Σ p(c)·log2 p(c) over its distinct characters: the measure
/// gitleaks and detect-secrets use to tell random keys from words (gitleaks' generic rule wants at least 3.5).
/// </summary>
internal static class ShannonEntropy
{
    public static double BitsPerChar(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        double entropy = 0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / value.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }
}
