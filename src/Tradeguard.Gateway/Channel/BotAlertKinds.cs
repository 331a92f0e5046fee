using System.Text.RegularExpressions;
using Tradeguard.Alerts;
using Tradeguard.Core.Errors;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// The alert kinds a bot may publish, by the word it sends: the four built in (<c>order_executed</c>,
/// <c>stop_loss</c>, <c>take_profit</c>, <c>error</c>) map to the engine's own alert kinds, so one <c>exposure</c>
/// setting covers the engine and every bot; kinds the operator defines in the gateway config become
/// <c>bot.&lt;word&gt;</c> with the operator's wording. A bot never chooses the text an operator reads, only the word.
/// </summary>
public sealed partial class BotAlertKinds
{
    private static readonly IReadOnlyDictionary<string, BotAlertKind> BuiltIn = new Dictionary<string, BotAlertKind>(StringComparer.Ordinal)
    {
        ["order_executed"] = new(AlertKinds.OrderFilled, "Order executed"),
        ["stop_loss"] = new(AlertKinds.StopLossTriggered, "Stop loss triggered"),
        ["take_profit"] = new("take_profit.hit", "Take-profit hit"),
        ["error"] = new("bot.error", "Error"),
    };

    private readonly Dictionary<string, BotAlertKind> _kinds;

    /// <summary>The built-in kinds plus <paramref name="custom"/> (word → the summary operators read).</summary>
    /// <param name="custom">Operator-defined kinds; none when null.</param>
    /// <param name="setting">Where they were configured, for error messages.</param>
    /// <exception cref="TradeguardException">Exit 5 naming <paramref name="setting"/> when a word is malformed, built in,
    /// or its summary is empty, longer than 64 characters or holds a digit (alert texts carry no amounts).</exception>
    public BotAlertKinds(IReadOnlyDictionary<string, string>? custom = null, string setting = "botAlertKinds")
    {
        _kinds = new Dictionary<string, BotAlertKind>(BuiltIn, StringComparer.Ordinal);
        foreach (var (word, summary) in custom ?? new Dictionary<string, string>())
        {
            if (!Word().IsMatch(word) || BuiltIn.ContainsKey(word))
            {
                throw new TradeguardException(ExitCode.Configuration,
                    $"{setting}: \"{word}\": a kind is 1-32 of a-z, 0-9 and _, starting with a letter, and not one of {string.Join(", ", BuiltIn.Keys)}.");
            }

            if (string.IsNullOrWhiteSpace(summary) || summary.Length > 64 || summary.Any(c => char.IsDigit(c) || char.IsControl(c)))
            {
                throw new TradeguardException(ExitCode.Configuration,
                    $"{setting}: \"{word}\": the summary must be 1-64 characters without digits or control characters (alert texts carry no amounts).");
            }

            _kinds[word] = new BotAlertKind("bot." + word, summary.Trim());
        }
    }

    /// <summary>Every word a bot may send, sorted.</summary>
    public IEnumerable<string> Words => _kinds.Keys.Order(StringComparer.Ordinal);

    /// <summary>The kind for <paramref name="word"/>, or null when it is not known.</summary>
    public BotAlertKind? Find(string? word) => word is not null && _kinds.TryGetValue(word, out var kind) ? kind : null;

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    private static partial Regex Word();
}

/// <summary>An alert kind a bot may publish.</summary>
/// <param name="Kind">The alert kind the exposure policy and routing see, e.g. <c>order.filled</c>.</param>
/// <param name="Summary">The line an operator reads, e.g. <c>Order executed</c>.</param>
public sealed record BotAlertKind(string Kind, string Summary);
