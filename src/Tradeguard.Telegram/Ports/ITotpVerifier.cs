namespace Tradeguard.Telegram.Ports;

/// <summary>The port to the Identity module's TOTP check (RFC 6238; DESIGN.md "Identity").</summary>
public interface ITotpVerifier
{
    /// <summary>
    /// True when <paramref name="code"/> is a valid TOTP code for <paramref name="operatorName"/> now (±1 step) and its
    /// time step was not used before; the implementation records the step so the same code is refused next time.
    /// False for every other case (wrong, reused, no TOTP enrolled); never throws for bad input.
    /// </summary>
    bool Verify(string operatorName, string code);
}
