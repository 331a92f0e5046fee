namespace Tradeguard.Core.Errors;

/// <summary>
/// Words a file-system failure for a user: what went wrong in plain words, never the exception's type name.
/// The one place that turns an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> into text.
/// </summary>
public static class IoProblem
{
    /// <summary>
    /// A short phrase for <paramref name="e"/>: "no such file", "no such folder", "permission denied", "the path is too
    /// long", "the path is not valid", or for any other I/O failure the system's own message.
    /// </summary>
    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such folder",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the path is too long",
        ArgumentException or NotSupportedException => "the path is not valid",
        IOException io when !string.IsNullOrWhiteSpace(io.Message) => io.Message.TrimEnd('.'),
        _ => "an I/O error",
    };

    /// <summary>True for the failures <see cref="Describe"/> words: what opening or reading a named file can throw.</summary>
    public static bool IsFileFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;
}
