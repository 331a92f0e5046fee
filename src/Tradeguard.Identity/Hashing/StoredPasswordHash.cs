namespace Tradeguard.Identity.Hashing;

/// <summary>
/// A password hash as kept in the account store: the encoded string (PHC string, modular crypt format, passlib or
/// ASP.NET Identity form) and the <see cref="PasswordNormalization"/> applied to the password before hashing.
/// </summary>
/// <param name="Encoded">E.g. <c>$argon2id$v=19$m=65536,t=3,p=1$&lt;salt&gt;$&lt;hash&gt;</c> or <c>$2b$12$…</c>.</param>
/// <param name="Normalization">The text normalisation to repeat when verifying.</param>
public sealed record StoredPasswordHash(string Encoded, PasswordNormalization Normalization)
{
    /// <summary>A hash made elsewhere (passlib, bcrypt, argon2-cffi, ASP.NET Identity): raw UTF-8, no normalisation.</summary>
    public static StoredPasswordHash Imported(string encoded) => new(encoded, PasswordNormalization.None);

    /// <summary>The encoded string only: it is not secret, but it is not for display either.</summary>
    public override string ToString() => Encoded;
}
