using Tradeguard.Core.Errors;

namespace Tradeguard.Identity.Accounts;

/// <summary>
/// The one permission check: a role grants exactly the permissions listed here, and everything else is denied
/// (unknown roles, unknown permissions, disabled or missing accounts).
/// </summary>
/// <remarks>
/// viewer: <see cref="Permission.ViewStatus"/>. trader: viewer + <see cref="Permission.PauseStrategy"/>,
/// <see cref="Permission.ResumeStrategy"/>. admin: trader + <see cref="Permission.StopStrategy"/>,
/// <see cref="Permission.ClosePositions"/>, <see cref="Permission.ManageUsers"/>, <see cref="Permission.RevealSecrets"/>.
/// </remarks>
public static class Authorizer
{
    private static readonly Dictionary<Role, Permission[]> Grants = new()
    {
        [Role.Viewer] = [Permission.ViewStatus],
        [Role.Trader] = [Permission.ViewStatus, Permission.PauseStrategy, Permission.ResumeStrategy],
        [Role.Admin] =
        [
            Permission.ViewStatus, Permission.PauseStrategy, Permission.ResumeStrategy, Permission.StopStrategy,
            Permission.ClosePositions, Permission.ManageUsers, Permission.RevealSecrets,
        ],
    };

    /// <summary>True only when <paramref name="account"/> exists, is enabled, and its role grants <paramref name="permission"/>.</summary>
    public static bool IsAllowed(Account? account, Permission permission) =>
        account is { Disabled: false }
        && Grants.TryGetValue(account.Role, out var granted)
        && granted.Contains(permission);

    /// <summary>The permissions <paramref name="role"/> grants (empty for an unknown role).</summary>
    public static IReadOnlyList<Permission> PermissionsOf(Role role) => Grants.GetValueOrDefault(role, []);

    /// <summary>Throws unless <see cref="IsAllowed"/>.</summary>
    /// <exception cref="TradeguardException">Exit 3, naming the account, its role, the action and the roles that allow it.</exception>
    public static void Demand(Account? account, Permission permission)
    {
        if (IsAllowed(account, permission))
        {
            return;
        }

        var roles = string.Join(" or ", Grants.Where(g => g.Value.Contains(permission)).Select(g => g.Key.ToString().ToLowerInvariant()));
        throw new TradeguardException(ExitCode.AuthenticationFailed, account is null
            ? $"Nobody is logged in, and {Describe(permission).Gerund} needs a session of an account with the {roles} role. Log in as one first."
            : $"Account '{account.Name}' ({(account.Disabled ? "disabled" : account.Role.ToString().ToLowerInvariant())}) may not " +
              $"{Describe(permission).Verb}: that needs the {roles} role. Log in as an account that has it.");
    }

    private static (string Verb, string Gerund) Describe(Permission permission) => permission switch
    {
        Permission.ViewStatus => ("view status", "viewing status"),
        Permission.PauseStrategy => ("pause strategies", "pausing strategies"),
        Permission.ResumeStrategy => ("resume strategies", "resuming strategies"),
        Permission.StopStrategy => ("stop strategies", "stopping strategies"),
        Permission.ClosePositions => ("close positions", "closing positions"),
        Permission.ManageUsers => ("manage users", "managing users"),
        Permission.RevealSecrets => ("reveal secrets", "revealing secrets"),
        _ => ("do that", "that"),
    };
}
