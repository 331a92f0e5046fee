namespace Tradeguard.Identity.Accounts;

/// <summary>The facts of an account to add (the password travels separately, as a Secret).</summary>
/// <param name="Name">The account name.</param>
/// <param name="Role">Its role.</param>
/// <param name="FullName">The person's name (used by the password policy's personal check).</param>
/// <param name="Email">The e-mail address (likewise).</param>
public sealed record NewAccount(string Name, Role Role, string FullName = "", string Email = "");
