namespace Tradeguard.Scanner.Hygiene;

/// <summary>
/// Quotes a path for the POSIX shell, for the commands a fix suggests (<c>chmod 600 'dir with space/config #1.env'</c>):
/// pasted as shown, an unquoted space splits the path and a <c>#</c> starts a comment.
/// </summary>
internal static class ShellQuote
{
    /// <summary>The path as is when it holds only safe characters, else in single quotes (<c>'</c> written <c>'\''</c>).</summary>
    public static string Quote(string path) =>
        path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ',' or '@' or ':' or '=')
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
