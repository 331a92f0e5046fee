namespace Tradeguard.Vault.Import;

/// <summary>Python's notion of whitespace (<c>str.isspace</c>), which the importers must match exactly.</summary>
internal static class PythonText
{
    /// <summary>True for the characters Python's <c>str.isspace()</c> accepts: .NET's white space plus U+001C-U+001F.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    /// <summary><c>str.rstrip()</c>.</summary>
    public static string RStrip(string s)
    {
        var end = s.Length;
        while (end > 0 && IsSpace(s[end - 1]))
        {
            end--;
        }

        return s[..end];
    }

    /// <summary><c>str.strip()</c>.</summary>
    public static string Strip(string s)
    {
        var start = 0;
        while (start < s.Length && IsSpace(s[start]))
        {
            start++;
        }

        return RStrip(s[start..]);
    }
}
