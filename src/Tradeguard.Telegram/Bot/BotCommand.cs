namespace Tradeguard.Telegram.Bot;

/// <summary>A command as typed: <c>/name@BotName arg1 arg2</c> (Bot API, "Commands").</summary>
/// <param name="Name">Lower case, without <c>/</c>: <c>status</c>.</param>
/// <param name="BotName">The <c>@BotName</c> suffix used in groups, or null.</param>
/// <param name="Arguments">Whitespace-separated arguments.</param>
public sealed record BotCommand(string Name, string? BotName, IReadOnlyList<string> Arguments)
{
    /// <summary>Parses a message text; null when it is not a command.</summary>
    public static BotCommand? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text[0] != '/' || text.Length < 2)
        {
            return null;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var head = words[0][1..];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        return new BotCommand(name, at < 0 ? null : head[(at + 1)..], words[1..]);
    }

    /// <summary>The command as audited: <c>/stop</c> (arguments are left out: <c>/link</c> and <c>/confirm</c> carry codes).</summary>
    public override string ToString() => "/" + Name;
}
