namespace Tradeguard.Identity.Hashing;

/// <summary>
/// How a password's text was turned into bytes before it was hashed; stored beside the hash so that a verifier
/// repeats exactly the same step.
/// </summary>
/// <remarks>
/// Tradeguard writes <see cref="Nfc"/>: Unicode Normalization Form C (UAX #15), so <c>ma\u00F1ana</c> typed on one
/// keyboard and <c>man\u0303ana</c> typed on another are the same password. NFC is canonical, not compatibility,
/// normalisation: fullwidth <c>\uFF21\uFF11</c> stays distinct from <c>A1</c>. Hashes imported from passlib or
/// ASP.NET Identity were made from the raw UTF-8 bytes and are stored as <see cref="None"/>.
/// </remarks>
public enum PasswordNormalization
{
    /// <summary>The UTF-8 bytes of the text as given (passlib, bcrypt, argon2-cffi, ASP.NET Identity).</summary>
    None = 0,

    /// <summary>The UTF-8 bytes of the text in Unicode Normalization Form C (Tradeguard's own hashes).</summary>
    Nfc = 1,
}
