namespace Tradeguard.Identity.Totp;

/// <summary>The outcome of checking a second factor.</summary>
public enum TotpCheck
{
    /// <summary>A valid code from an unused time step (or an unused recovery code): accepted and now spent.</summary>
    Accepted,

    /// <summary>Wrong code, wrong format, or a code outside the ±1-step window.</summary>
    Rejected,

    /// <summary>A valid code from a time step already used for this account (RFC 6238 §5.2): refused.</summary>
    Replayed,

    /// <summary>The account has no TOTP enabled.</summary>
    NotEnrolled,

    /// <summary>The account is locked after too many failures; nothing was checked.</summary>
    Locked,
}
