namespace Tradeguard.Identity.Totp;

/// <summary>
/// What the operator needs to add the account to an authenticator app: shown once, then only the encrypted seed
/// remains. Confirm with <see cref="TwoFactor.ConfirmEnrollment"/> and a first code.
/// </summary>
/// <param name="Account">The account enrolling.</param>
/// <param name="OtpauthUri">The Key Uri Format URI, <c>otpauth://totp/Tradeguard:alice?secret=…&amp;issuer=Tradeguard&amp;algorithm=SHA1&amp;digits=6&amp;period=30</c>.</param>
/// <param name="SecretBase32">The seed in RFC 4648 base32, for typing in by hand.</param>
/// <param name="QrPng">The URI as a QR code PNG (QRCoder, ECC level M).</param>
/// <param name="QrTerminal">The URI as a QR code drawn with half-block characters for a terminal.</param>
public sealed record TotpEnrollment(string Account, string OtpauthUri, string SecretBase32, byte[] QrPng, string QrTerminal)
{
    /// <summary>Never the seed: <c>TotpEnrollment(alice)</c>.</summary>
    public override string ToString() => $"TotpEnrollment({Account})";
}
