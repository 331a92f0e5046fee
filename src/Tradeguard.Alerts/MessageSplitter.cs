using System.Globalization;

namespace Tradeguard.Alerts;

/// <summary>
/// Splits a text into parts of at most a channel's length limit (Telegram: 4096, counted in UTF-16 code units, which
/// is never less than Telegram's own count), at line boundaries. Only a single line longer than the limit is cut
/// inside, and then between text elements, so an emoji or a combined character is never torn apart.
/// </summary>
public static class MessageSplitter
{
    /// <summary>Telegram's limit for a message text (core.telegram.org/bots/api#sendmessage).</summary>
    public const int TelegramMaxLength = 4096;

    /// <summary>Splits <paramref name="text"/>; joining the parts with <c>\n</c> gives the text back when no line was cut.</summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The limit per part in UTF-16 code units; at least 2 (the widest text element needs room).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is below 2.</exception>
    public static IReadOnlyList<string> Split(string text, int maxLength = TelegramMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return [text];
        }

        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var needed = current.Length == 0 ? line.Length : current.Length + 1 + line.Length;
            if (needed <= maxLength)
            {
                if (current.Length > 0)
                {
                    current.Append('\n');
                }

                current.Append(line);
                continue;
            }

            if (current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }

            if (line.Length <= maxLength)
            {
                current.Append(line);
                continue;
            }

            foreach (var piece in CutLongLine(line, maxLength))
            {
                if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }

                current.Append(piece);
            }
        }

        if (current.Length > 0 || parts.Count == 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    private static IEnumerable<string> CutLongLine(string line, int maxLength)
    {
        var start = 0;
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(line);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (end + element.Length - start > maxLength && end > start)
            {
                yield return line[start..end];
                start = end;
            }

            end += element.Length;
        }

        if (end > start)
        {
            yield return line[start..end];
        }
    }
}
