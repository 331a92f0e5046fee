namespace Tradeguard.Core.Errors;

/// <summary>
/// An expected failure with a message meant for a person and the <see cref="ExitCode"/> the CLI ends with.
/// </summary>
/// <remarks>
/// Messages say what happened, to what, and what to do next. They never contain a secret value: callers pass
/// names (item, field, file, line) and never the value that was wrong.
/// </remarks>
public class TradeguardException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="exitCode">The exit code the CLI returns for this failure.</param>
    /// <param name="message">What happened and what to do next; must hold no secret.</param>
    /// <param name="inner">The low-level cause, if any (its message is not shown to the user).</param>
    public TradeguardException(ExitCode exitCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    /// <summary>The exit code the CLI returns for this failure.</summary>
    public ExitCode ExitCode { get; }
}
