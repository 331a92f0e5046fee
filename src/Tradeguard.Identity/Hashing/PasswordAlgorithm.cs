namespace Tradeguard.Identity.Hashing;

/// <summary>The algorithms Tradeguard writes; every one of them is also read.</summary>
public enum PasswordAlgorithm
{
    /// <summary>Argon2id (RFC 9106) as a PHC string; the default.</summary>
    Argon2id,

    /// <summary>bcrypt, <c>$2b$</c> modular crypt format; passwords over 72 UTF-8 bytes or containing NUL are refused.</summary>
    Bcrypt,

    /// <summary>passlib's <c>$bcrypt-sha256$v=2</c>: bcrypt over base64(HMAC-SHA256(salt, password)), no length limit.</summary>
    BcryptSha256,

    /// <summary>PBKDF2-HMAC-SHA256 (RFC 8018) in passlib's <c>$pbkdf2-sha256$</c> format.</summary>
    Pbkdf2Sha256,
}
