using Tradeguard.Core.Audit;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Accounts;
using Tradeguard.Identity.Hashing;
using Tradeguard.Identity.Policy;
using Tradeguard.Identity.Sessions;
using Tradeguard.Identity.Totp;

namespace Tradeguard.Identity;

/// <summary>
/// The Identity module wired together over one database: what the CLI, the Telegram adapter and a future web host
/// use. Open once per process.
/// </summary>
public sealed class IdentityServices
{
    private IdentityServices(IdentityOptions options, IdentityDatabase db, ISecretStore? vault, IAuditLog audit, TimeProvider time)
    {
        Options = options;
        Database = db;
        Hasher = new PasswordHasher(options.Hashing);
        Policy = new PasswordPolicy(options.Policy, Hasher);
        Sessions = new SessionService(db, audit, time, options.Sessions);
        TwoFactor = new TwoFactor(db, vault, audit, time, options.Lockout);
        Accounts = new AccountService(db, Hasher, Policy, Sessions, audit, time, vault);
        Login = new LoginService(db, Hasher, TwoFactor, Sessions, audit, time, options.Lockout);
    }

    /// <summary>The settings in force.</summary>
    public IdentityOptions Options { get; }

    /// <summary>The SQLite store.</summary>
    public IdentityDatabase Database { get; }

    /// <summary>Hashes and verifies passwords.</summary>
    public PasswordHasher Hasher { get; }

    /// <summary>The password rules.</summary>
    public PasswordPolicy Policy { get; }

    /// <summary>Account management.</summary>
    public AccountService Accounts { get; }

    /// <summary>Login with lockout.</summary>
    public LoginService Login { get; }

    /// <summary>TOTP enrolment and verification with replay rejection.</summary>
    public TwoFactor TwoFactor { get; }

    /// <summary>Session tokens.</summary>
    public SessionService Sessions { get; }

    /// <summary>Opens the module.</summary>
    /// <param name="options">Settings (path, costs, policy, lockout, session lifetime).</param>
    /// <param name="vault">The vault, for 2FA seeds and the "unique to each account" rule; null when not open.</param>
    /// <param name="audit">The audit log (<see cref="NullAuditLog"/> when none).</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> in production.</param>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5/4 when the database is exposed or damaged.</exception>
    public static IdentityServices Open(IdentityOptions options, ISecretStore? vault, IAuditLog audit, TimeProvider time) =>
        new(options, IdentityDatabase.Open(options.DatabasePath), vault, audit, time);
}
