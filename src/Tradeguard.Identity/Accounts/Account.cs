namespace Tradeguard.Identity.Accounts;

/// <summary>An operator account as other modules see it: no password hash, no TOTP seed.</summary>
/// <param name="Name">The account name (lower case, 1-32 of a-z 0-9 _ . -, starting with a letter).</param>
/// <param name="Role">The role that decides every permission.</param>
/// <param name="FullName">The person's name, or empty.</param>
/// <param name="Email">The e-mail address, or empty.</param>
/// <param name="Disabled">True when the account may not log in and is denied every permission.</param>
/// <param name="TwoFactorEnabled">True when login needs a TOTP code or a recovery code.</param>
/// <param name="CreatedAt">When the account was added (UTC).</param>
public sealed record Account(
    string Name, Role Role, string FullName, string Email, bool Disabled, bool TwoFactorEnabled, DateTimeOffset CreatedAt)
{
    /// <summary>The audit actor name, <c>operator:&lt;name&gt;</c>.</summary>
    public string Actor => "operator:" + Name;
}
