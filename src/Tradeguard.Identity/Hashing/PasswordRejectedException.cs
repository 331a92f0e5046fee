using Tradeguard.Core.Errors;

namespace Tradeguard.Identity.Hashing;

/// <summary>
/// The password cannot be hashed with the chosen algorithm as it is (exit 2): over 72 UTF-8 bytes or containing NUL
/// for plain bcrypt. Never silently truncated: choose bcrypt-sha256 or Argon2id instead.
/// </summary>
public sealed class PasswordRejectedException : TradeguardException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public PasswordRejectedException(string message)
        : base(ExitCode.Usage, message)
    {
    }
}
