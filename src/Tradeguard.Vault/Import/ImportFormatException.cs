using Tradeguard.Core.Errors;

namespace Tradeguard.Vault.Import;

/// <summary>
/// A file that an importer rejects, with the 1-based line where the problem starts. Exit code 4 (malformed input).
/// The message names the file, the line and the rule broken, never a value.
/// </summary>
public sealed class ImportFormatException : TradeguardException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file name shown to the user.</param>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="problem">What is wrong, without any value from the file.</param>
    public ImportFormatException(string source, int line, string problem)
        : base(ExitCode.IntegrityFailure, $"{source} line {line}: {problem}. Nothing was imported.")
    {
        Line = line;
    }

    /// <summary>The 1-based line where the problem starts.</summary>
    public int Line { get; }
}
