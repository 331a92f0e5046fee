namespace Tradeguard.Telegram;

/// <summary>
/// Telegram HTML formatting (Bot API "HTML style"): the text escaped (<c>&lt; &gt; &amp;</c>) and its first line in bold.
/// Escaping everything means names like <c>Mean_Revert_v2</c> or <c>TEL2_B</c> can never break entity parsing.
/// </summary>
public static class TelegramHtml
{
    /// <summary>Escapes <paramref name="text"/> and puts its first line in <c>&lt;b&gt;</c>.</summary>
    public static string Format(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var head = newline < 0 ? text : text[..newline];
        var rest = newline < 0 ? string.Empty : text[newline..];
        return head.Length == 0 ? Escape(text) : $"<b>{Escape(head)}</b>{Escape(rest)}";
    }

    /// <summary>Escapes the three characters Telegram's HTML parser reserves.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
