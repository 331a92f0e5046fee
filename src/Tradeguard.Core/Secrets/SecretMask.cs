using System.Globalization;

namespace Tradeguard.Core.Secrets;

/// <summary>
/// The one masked display form for secret values (DESIGN.md, "Secrets are a type").
/// </summary>
/// <remarks>
/// Values of 16 or more characters (text elements, so an emoji counts once) show the first 4 and last 4 with an
/// ellipsis between, e.g. <c>abcd…wxyz</c>; shorter values show no character at all, only <c>••••</c> and a length
/// class, because 4 + 4 characters of a short value would give most of it away.
/// </remarks>
public static class SecretMask
{
    /// <summary>The shortest value, in characters, whose first and last 4 characters may be shown.</summary>
    public const int MinimumLengthToShowEnds = 16;

    /// <summary>Returns the masked form of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var elements = StringInfo.GetTextElementEnumerator(value);
        var parts = new List<string>();
        while (elements.MoveNext())
        {
            parts.Add(elements.GetTextElement());
        }

        if (parts.Count >= MinimumLengthToShowEnds)
        {
            return string.Concat(parts.Take(4)) + "…" + string.Concat(parts.Skip(parts.Count - 4));
        }

        return parts.Count switch
        {
            0 => "(empty)",
            < 8 => "•••• (under 8 chars)",
            _ => "•••• (8-15 chars)",
        };
    }
}
