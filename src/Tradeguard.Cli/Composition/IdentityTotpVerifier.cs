using Tradeguard.Identity;
using Tradeguard.Identity.Totp;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Cli.Composition;

/// <summary>
/// The command bot's <c>/confirm CODE</c> check through the Identity module (RFC 6238, ±1 step, a used step refused,
/// failures counted towards the account's lockout).
/// </summary>
/// <remarks>
/// Only 6-digit TOTP codes are passed on: a recovery code typed into a chat would sit in the chat history, so it is
/// never accepted there.
/// </remarks>
internal sealed class IdentityTotpVerifier(IdentityServices identity) : ITotpVerifier
{
    public bool Verify(string operatorName, string code)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        try
        {
            return identity.TwoFactor.Verify(operatorName, code) == TotpCheck.Accepted;
        }
        catch (Core.Errors.TradeguardException)
        {
            return false; // no TOTP enrolled, or the seed cannot be read: no confirmation
        }
    }
}
