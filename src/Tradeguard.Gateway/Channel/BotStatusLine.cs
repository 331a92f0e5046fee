using System.Text;
using Tradeguard.Core.Redaction;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// Makes a bot's reported status fit <c>/status</c>: one line, printable characters only, every registered secret
/// masked, every digit replaced by <c>#</c> (a status is high level, like an alert line: "waiting for a signal",
/// never "holding 0.5 BTC"), and cut to a bounded length with an ellipsis.
/// </summary>
public static class BotStatusLine
{
    /// <summary>The cleaned line; empty when nothing printable is left.</summary>
    /// <param name="text">What the bot sent.</param>
    /// <param name="maxLength">Longest result in characters (the ellipsis included).</param>
    /// <param name="redactor">Masks registered secrets before anything else.</param>
    public static string Clean(string text, int maxLength, Redactor redactor)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var masked = redactor.Redact(text);
        var sb = new StringBuilder(Math.Min(masked.Length, maxLength + 1));
        foreach (var c in masked)
        {
            if (sb.Length > maxLength)
            {
                break;
            }

            var shown = char.IsDigit(c) ? '#' : char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c;
            if (shown != ' ' || (sb.Length > 0 && sb[^1] != ' '))
            {
                sb.Append(shown);
            }
        }

        var line = sb.ToString().TrimEnd();
        return line.Length <= maxLength ? line : line[..(maxLength - 1)].TrimEnd() + "…";
    }
}
