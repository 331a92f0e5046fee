using System.Globalization;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Vault;

/// <summary>
/// The single place where a new vault passphrase is judged (vault init and passwd call only this). Until the Identity
/// module's password policy is wired in here, the rule is a minimum length.
/// </summary>
public static class VaultPassphraseRule
{
    /// <summary>The minimum length in characters (Unicode text elements).</summary>
    public const int MinimumLength = 12;

    /// <summary>Throws when <paramref name="passphrase"/> is not acceptable for a vault.</summary>
    /// <exception cref="TradeguardException">Exit 1 with the reason (never the passphrase).</exception>
    public static void Check(Secret passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var length = passphrase.Use(clear =>
        {
            var text = System.Text.Encoding.UTF8.GetString(clear);
            return new StringInfo(text).LengthInTextElements;
        });
        if (length < MinimumLength)
        {
            throw new TradeguardException(ExitCode.CheckFailed,
                $"the vault passphrase is too short ({length} characters); use at least {MinimumLength}, e.g. four random words. Nothing was changed.");
        }
    }
}
