using Tradeguard.Core.Errors;

namespace Tradeguard.Core.Storage;

/// <summary>
/// Refuses files that hold secrets (vault, config, keys) when group or others can read or write them.
/// </summary>
public static class PrivateFile
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>True when <paramref name="path"/> exists and group or others have any permission on it.</summary>
    public static bool IsExposed(string path) =>
        !OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & GroupOrOthers) != 0;

    /// <summary>
    /// Throws when <paramref name="path"/> is readable or writable by group or others.
    /// </summary>
    /// <param name="path">The file to check.</param>
    /// <param name="what">What the file is, for the message ("vault", "config").</param>
    /// <exception cref="TradeguardException">Exit code 5, with the <c>chmod</c> command that fixes it.</exception>
    public static void EnsurePrivate(string path, string what)
    {
        if (IsExposed(path))
        {
            var mode = Convert.ToString((int)File.GetUnixFileMode(path), 8).PadLeft(3, '0');
            throw new TradeguardException(
                ExitCode.Configuration,
                $"Refusing to use {what} {path}: it is accessible by group or others (mode {mode}). Fix it with: chmod 600 {QuoteForShell(path)}");
        }
    }

    /// <summary>Quotes a path for a POSIX shell so a suggested command can be pasted as is.</summary>
    public static string QuoteForShell(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+".Contains(c))
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
