using System.Text;
using Tradeguard.Alerts.Age;
using Tradeguard.Core.Errors;

namespace Tradeguard.Alerts;

/// <summary>
/// Decides, per event kind, how much of an alert leaves the process (issue 5, DESIGN.md "Alerts"): nothing, the
/// high-level line silently, the high-level line (default), the line with proportions only (<c>summary</c>), or the line
/// with proportions plus the details sealed to the operator's age X25519 recipient. Details never leave in clear.
/// </summary>
public sealed class ExposurePolicy
{
    private readonly Dictionary<string, ExposureLevel> _levels;

    /// <summary>Creates a policy.</summary>
    /// <param name="levels">Level per event kind; a key ending in <c>.*</c> (e.g. <c>security.*</c>) covers a family.
    /// Kinds not listed get <paramref name="defaultLevel"/>.</param>
    /// <param name="defaultLevel">The level for unlisted kinds; <see cref="ExposureLevel.Minimal"/> unless configured.</param>
    /// <param name="recipient">The operator's age recipient; required when any level is <see cref="ExposureLevel.Detailed"/>.</param>
    /// <exception cref="TradeguardException">Exit 5 when <c>detailed</c> is configured without an age recipient.</exception>
    public ExposurePolicy(IReadOnlyDictionary<string, ExposureLevel>? levels = null,
        ExposureLevel defaultLevel = ExposureLevel.Minimal, AgeRecipient? recipient = null)
    {
        _levels = new Dictionary<string, ExposureLevel>(levels ?? new Dictionary<string, ExposureLevel>(), StringComparer.Ordinal);
        DefaultLevel = defaultLevel;
        Recipient = recipient;
        if (recipient is null)
        {
            var detailed = _levels.Where(kv => kv.Value == ExposureLevel.Detailed).Select(kv => kv.Key).ToList();
            if (defaultLevel == ExposureLevel.Detailed)
            {
                detailed.Insert(0, "(default)");
            }

            if (detailed.Count > 0)
            {
                throw new TradeguardException(ExitCode.Configuration,
                    $"Exposure 'detailed' is set for {string.Join(", ", detailed)} but no age recipient is configured. " +
                    "Details leave only sealed to your age key: run 'age-keygen -o key.txt' and set alerts.age_recipient " +
                    "to the 'age1…' public key it prints, or lower the level to 'minimal'.");
            }
        }
    }

    /// <summary>The level for kinds not configured.</summary>
    public ExposureLevel DefaultLevel { get; }

    /// <summary>The age recipient details are sealed to, if configured.</summary>
    public AgeRecipient? Recipient { get; }

    /// <summary>Parses a configured level name: <c>off</c>, <c>silent</c>, <c>minimal</c>, <c>summary</c> or <c>detailed</c>.</summary>
    /// <exception cref="TradeguardException">Exit 5 for any other word.</exception>
    public static ExposureLevel ParseLevel(string name, string setting) =>
        name.Trim().ToLowerInvariant() switch
        {
            "off" => ExposureLevel.Off,
            "silent" => ExposureLevel.Silent,
            "minimal" => ExposureLevel.Minimal,
            "summary" => ExposureLevel.Summary,
            "detailed" => ExposureLevel.Detailed,
            _ => throw new TradeguardException(ExitCode.Configuration,
                $"Setting {setting} is not an exposure level: use off, silent, minimal, summary or detailed."),
        };

    /// <summary>The level that applies to <paramref name="kind"/>: exact match, then the longest <c>prefix.*</c>, then the default.</summary>
    public ExposureLevel LevelFor(string kind)
    {
        if (_levels.TryGetValue(kind, out var exact))
        {
            return exact;
        }

        for (var dot = kind.LastIndexOf('.'); dot > 0; dot = kind.LastIndexOf('.', dot - 1))
        {
            if (_levels.TryGetValue(kind[..(dot + 1)] + "*", out var family))
            {
                return family;
            }
        }

        return DefaultLevel;
    }

    /// <summary>
    /// Renders <paramref name="alert"/> for sending, or returns null when its kind is <c>off</c>.
    /// </summary>
    /// <returns>The text (plain, one high-level line, no details), whether to send it silently, and, for
    /// <c>detailed</c> with details present, the details as an age file sealed to <see cref="Recipient"/>.</returns>
    public RenderedAlert? Render(Alert alert)
    {
        var level = LevelFor(alert.Kind);
        if (level == ExposureLevel.Off)
        {
            return null;
        }

        var headline = level >= ExposureLevel.Summary ? WithProportions(Headline(alert), alert.Proportions) : Headline(alert);
        if (level != ExposureLevel.Detailed || alert.Details.Count == 0)
        {
            return new RenderedAlert(headline, level == ExposureLevel.Silent, null);
        }

        var name = $"details-{alert.Kind.Replace('.', '-')}-{alert.Time.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.age";
        var sealedText = Core.Redaction.Redactor.Shared.Redact(alert.Details.ToSealedText());
        var sealedFile = AgeFile.Encrypt(Encoding.UTF8.GetBytes(sealedText), [Recipient!]);
        return new RenderedAlert($"{headline}\nDetails sealed to your age key: {name}", false, new SealedAttachment(name, sealedFile));
    }

    // Appends each line's proportions to that line of the headline (symbol, side and source end the last line).
    private static string WithProportions(string headline, IReadOnlyDictionary<int, AlertProportions> proportions)
    {
        if (proportions.Count == 0)
        {
            return headline;
        }

        var lines = headline.Split('\n');
        foreach (var (line, values) in proportions)
        {
            if (line >= 0 && line < lines.Length && values.Describe() is { Length: > 0 } text)
            {
                lines[line] += " · " + text;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// The high-level line: marker, summary, symbol, side, source, e.g. <c>[paper] Stop loss triggered · ORCL · sell</c>.
    /// The marker is <c>[paper]</c>, <c>[LIVE]</c> or <c>[security]</c>.
    /// </summary>
    public static string Headline(Alert alert)
    {
        var sb = new StringBuilder();
        var marker = alert.Mode switch
        {
            TradingMode.Paper => "[paper]",
            TradingMode.Live => "[LIVE]",
            _ => alert.IsSecurity ? "[security]" : null,
        };
        if (marker is not null)
        {
            sb.Append(marker).Append(' ');
        }

        sb.Append(alert.Summary);
        if (!string.IsNullOrEmpty(alert.Symbol))
        {
            sb.Append(" · ").Append(alert.Symbol);
        }

        if (!string.IsNullOrEmpty(alert.Side))
        {
            sb.Append(" · ").Append(alert.Side);
        }

        if (!string.IsNullOrEmpty(alert.Source))
        {
            sb.Append(" · ").Append(alert.Source);
        }

        return sb.ToString();
    }
}

/// <summary>What an alert becomes after the exposure policy: the text to send and an optional sealed attachment.</summary>
/// <param name="Text">Plain text; formatting is the channel's job.</param>
/// <param name="Silent">True to deliver without a notification sound.</param>
/// <param name="Attachment">The sealed details, or null.</param>
public sealed record RenderedAlert(string Text, bool Silent, SealedAttachment? Attachment);

/// <summary>An age file to attach: opens with <c>age -d -i key.txt FILE</c>.</summary>
/// <param name="FileName">The file name shown to the operator, ending in <c>.age</c>.</param>
/// <param name="Content">The age v1 file bytes.</param>
public sealed record SealedAttachment(string FileName, byte[] Content);
