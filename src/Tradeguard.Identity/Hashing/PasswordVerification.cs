namespace Tradeguard.Identity.Hashing;

/// <summary>The outcome of <see cref="PasswordHasher.Verify"/>.</summary>
public enum PasswordVerification
{
    /// <summary>The password does not match (or cannot match: e.g. over 72 bytes against plain bcrypt).</summary>
    Failed,

    /// <summary>The password matches and the hash is at the current algorithm and cost.</summary>
    Success,

    /// <summary>The password matches but the hash is weaker than the current options: store a new hash.</summary>
    SuccessRehashNeeded,
}
