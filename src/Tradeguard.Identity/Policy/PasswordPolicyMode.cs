namespace Tradeguard.Identity.Policy;

/// <summary>Which rule set <see cref="PasswordPolicy"/> applies; chosen in config (<c>Identity:PasswordPolicy</c>).</summary>
public enum PasswordPolicyMode
{
    /// <summary>
    /// The default: at least 12 characters; upper case, lower case, digit and symbol; zxcvbn score ≥ 3; not common,
    /// personal, reused or shared with another service.
    /// </summary>
    Classic,

    /// <summary>
    /// NIST SP 800-63B rev. 4 §3.1.1.2: at least 15 characters (8 when the account has a second factor), up to at
    /// least 64 accepted, no composition rules; blocklist, personal, reuse and sharing checks kept.
    /// </summary>
    Nist,
}
