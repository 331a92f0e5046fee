using System.Text;

namespace Tradeguard.Identity.Policy;

/// <summary>
/// Recognises common passwords and dictionary words behind simple disguises: case, leet substitutions
/// (<c>P@$$w0rd</c>), and digits or symbols stuck on either end (<c>Password2024!</c>, <c>binance2024</c>).
/// </summary>
internal static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> Common = new(() =>
        new HashSet<string>(EmbeddedList.Read("common_passwords.txt").Select(w => w.ToLowerInvariant()), StringComparer.Ordinal));

    private static readonly Lazy<HashSet<string>> Words = new(() =>
        new HashSet<string>(EmbeddedList.Read("eff_large_wordlist.txt").Where(w => w.Length >= 4), StringComparer.Ordinal));

    private static readonly Dictionary<char, char> Leet = new()
    {
        ['@'] = 'a', ['4'] = 'a', ['8'] = 'b', ['('] = 'c', ['3'] = 'e', ['6'] = 'g', ['9'] = 'g', ['!'] = 'i',
        ['0'] = 'o', ['$'] = 's', ['5'] = 's', ['7'] = 't', ['+'] = 't', ['2'] = 'z',
    };

    /// <summary>Why the candidate counts as common, or null when it does not. The reason never quotes the candidate.</summary>
    public static string? Match(string candidate)
    {
        foreach (var form in Forms(candidate))
        {
            if (Common.Value.Contains(form))
            {
                return "it is (a disguised form of) one of the 10,000 most common passwords";
            }

            if (Words.Value.Contains(form))
            {
                return "it is a single dictionary word with simple substitutions";
            }

            if (TradingBlocklist.Terms.Any(t => form == t || (t.Length >= 5 && form.Contains(t, StringComparison.Ordinal))))
            {
                return "it is built on the name of an exchange, broker, coin or trading bot";
            }
        }

        return null;
    }

    /// <summary>The lower-cased candidate, its leet-decoded forms, and each with digits and symbols trimmed off the ends.</summary>
    internal static IEnumerable<string> Forms(string candidate)
    {
        var lower = candidate.ToLowerInvariant();
        var decoded = new[] { Decode(lower, 'i'), Decode(lower, 'l') };
        foreach (var form in new[] { lower, decoded[0], decoded[1] }.Distinct())
        {
            yield return form;
            var core = form.Trim(TrimmedEnds);
            if (core.Length >= 3 && core != form)
            {
                yield return core;
            }
        }

        // Digits stuck on the end must not be leet-decoded ("binance2024" is "binance" + a year, not "binancezoza").
        var raw = lower.TrimEnd(TrimmedEnds);
        var rawCore = Decode(raw, 'i').Trim(TrimmedEnds);
        if (rawCore.Length >= 3)
        {
            yield return rawCore;
        }
    }

    private static readonly char[] TrimmedEnds = "0123456789!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ ".ToCharArray();

    private static string Decode(string text, char forOne)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c == '1' ? forOne : Leet.GetValueOrDefault(c, c));
        }

        return sb.ToString();
    }
}
