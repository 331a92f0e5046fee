using System.Text;
using System.Text.RegularExpressions;

namespace Tradeguard.Core.Redaction;

/// <summary>
/// The process-wide registry of secret values that must never leave the process in clear, and the filter that log
/// sinks, exception rendering and alert channels pass their text through (DESIGN.md, "Secrets are a type").
/// </summary>
/// <remarks>
/// <para><see cref="Redact"/> masks, as <c>[redacted]</c>: every registered value found whole, every run of
/// <see cref="MinimumFragmentLength"/> or more characters copied out of a registered value (so a secret cut in two
/// by a line break or a length limit is still caught), and every string shaped like a Telegram bot token
/// (<c>&lt;5-16 digits&gt;:&lt;35 of [A-Za-z0-9_-]&gt;</c>) whether registered or not.</para>
/// <para>Values shorter than <see cref="MinimumRegisteredLength"/> characters are not registered: masking every
/// occurrence of a 3-letter value would destroy ordinary text without protecting anything guessable.</para>
/// <para>Thread-safe. Cost per call is linear in the text length (one hash lookup per position).</para>
/// </remarks>
public sealed partial class Redactor
{
    /// <summary>The text that stands where a secret was.</summary>
    public const string Placeholder = "[redacted]";

    /// <summary>The shortest run copied out of a registered value that is still masked.</summary>
    public const int MinimumFragmentLength = 8;

    /// <summary>The shortest value that <see cref="Register"/> accepts; shorter ones are ignored.</summary>
    public const int MinimumRegisteredLength = 6;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _whole = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fragments = new(StringComparer.Ordinal);
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _fragmentLookup;

    /// <summary>Creates an empty redactor; most code uses <see cref="Shared"/>.</summary>
    public Redactor()
    {
        _fragmentLookup = _fragments.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The process-wide redactor.</summary>
    public static Redactor Shared { get; } = new();

    /// <summary>
    /// Raised after <see cref="Redact"/> masked something, with the number of masked spans. Alerts turn this into a
    /// security event; handlers must not throw and receive no secret.
    /// </summary>
    public event Action<int>? Redacted;

    /// <summary>The number of registered values.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _whole.Count;
            }
        }
    }

    /// <summary>Registers <paramref name="value"/> so that it and its fragments are masked from now on.</summary>
    public void Register(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < MinimumRegisteredLength)
        {
            return;
        }

        lock (_gate)
        {
            if (!_whole.Add(value))
            {
                return;
            }

            for (var i = 0; i + MinimumFragmentLength <= value.Length; i++)
            {
                _fragments.Add(value.Substring(i, MinimumFragmentLength));
            }
        }
    }

    /// <summary>Returns <paramref name="text"/> with every secret and token-shaped string masked.</summary>
    public string Redact(string? text)
    {
        var result = Apply(text ?? string.Empty, out var spans);
        if (spans > 0)
        {
            Redacted?.Invoke(spans);
        }

        return result;
    }

    /// <summary>True when <paramref name="text"/> holds something <see cref="Redact"/> would mask.</summary>
    public bool ContainsSecret(string? text)
    {
        Apply(text ?? string.Empty, out var spans);
        return spans > 0;
    }

    private string Apply(string text, out int spans)
    {
        spans = 0;
        if (text.Length == 0)
        {
            return text;
        }

        var masked = new bool[text.Length];
        var any = false;
        lock (_gate)
        {
            foreach (var value in _whole)
            {
                // Whole values shorter than a fragment are only found whole.
                if (value.Length >= MinimumFragmentLength)
                {
                    continue;
                }

                for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0;
                     at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
                {
                    Array.Fill(masked, true, at, value.Length);
                    any = true;
                }
            }

            if (_fragments.Count > 0)
            {
                var span = text.AsSpan();
                for (var i = 0; i + MinimumFragmentLength <= span.Length; i++)
                {
                    if (_fragmentLookup.Contains(span.Slice(i, MinimumFragmentLength)))
                    {
                        Array.Fill(masked, true, i, MinimumFragmentLength);
                        any = true;
                    }
                }
            }
        }

        foreach (Match m in TelegramTokenShape().Matches(text))
        {
            Array.Fill(masked, true, m.Index, m.Length);
            any = true;
        }

        if (!any)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!masked[i])
            {
                sb.Append(text[i]);
            }
            else if (i == 0 || !masked[i - 1])
            {
                sb.Append(Placeholder);
                spans++;
            }
        }

        return sb.ToString();
    }

    /// <summary>Forgets every registered value (used when a vault is locked again, and by tests).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _whole.Clear();
            _fragments.Clear();
        }
    }

    // Telegram bot tokens: "<bot id>:<35 url-safe characters>" (core.telegram.org/bots/api#authorizing-your-bot).
    [GeneratedRegex(@"(?<![0-9])[0-9]{5,16}:[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex TelegramTokenShape();
}
