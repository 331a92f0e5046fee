using Tradeguard.Core.Errors;

namespace Tradeguard.Identity.Hashing;

/// <summary>A stored hash is not in any format Tradeguard reads, or is malformed (exit 4, integrity).</summary>
/// <remarks>The message names the format and what is wrong, never the hash or the password.</remarks>
public sealed class PasswordHashFormatException : TradeguardException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public PasswordHashFormatException(string message)
        : base(ExitCode.IntegrityFailure, message)
    {
    }
}
