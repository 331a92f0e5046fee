using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Hashing;
using Tradeguard.Identity.Policy;
using Tradeguard.Identity.Sessions;

namespace Tradeguard.Identity.Accounts;

/// <summary>
/// Manages operator accounts: add, list, disable, enable, change password, change role. Every change needs an
/// <c>actor</c> allowed <see cref="Permission.ManageUsers"/> — except the very first account, which must be an
/// admin — and is audited. New passwords go through the <see cref="PasswordPolicy"/> with the account's details,
/// its password history and the vault.
/// </summary>
public sealed class AccountService(
    IdentityDatabase db, PasswordHasher hasher, PasswordPolicy policy, SessionService sessions, IAuditLog audit,
    TimeProvider time, ISecretStore? vault = null)
{
    /// <summary>True when no account exists yet (the next <see cref="Add"/> needs no actor and must add an admin).</summary>
    public bool IsEmpty => db.Scalar<long>("SELECT COUNT(*) FROM accounts") == 0;

    /// <summary>Adds an account.</summary>
    /// <exception cref="TradeguardException">Exit 3 when <paramref name="actor"/> may not manage users; exit 2 for a
    /// bad or taken name or a first account that is not an admin.</exception>
    /// <exception cref="PasswordPolicyException">Exit 1 when the password breaks the policy.</exception>
    public Account Add(Account? actor, NewAccount account, Secret password)
    {
        ArgumentNullException.ThrowIfNull(account);
        var name = AccountName.Normalize(account.Name);
        if (IsEmpty)
        {
            if (account.Role != Role.Admin)
            {
                throw new TradeguardException(ExitCode.Usage, "The first account must be an admin: add it with --role admin.");
            }
        }
        else
        {
            DemandManageUsers(actor, "identity.user.add", name);
        }

        if (StoredAccount.Find(db, name) is not null)
        {
            throw new TradeguardException(ExitCode.Usage, $"Account '{name}' already exists.");
        }

        EnforcePolicy(password, new PasswordContext
        {
            Username = name, FullName = account.FullName, Email = account.Email, Vault = vault,
        });
        var hash = hasher.Hash(password);
        db.Execute(
            "INSERT INTO accounts (name, role, full_name, email, password_hash, password_normalization, created_at) " +
            "VALUES ($n, $r, $f, $e, $h, $z, $t)",
            ("$n", name), ("$r", (int)account.Role), ("$f", account.FullName), ("$e", account.Email),
            ("$h", hash.Encoded), ("$z", (int)hash.Normalization), ("$t", time.GetUtcNow().ToUnixTimeMilliseconds()));
        audit.Record(new AuditEvent(actor?.Actor ?? "system", "identity.user.add", name, AuditOutcome.Success, "",
            new Dictionary<string, string> { ["role"] = Lower(account.Role) }));
        return Get(name);
    }

    /// <summary>The account named <paramref name="name"/>.</summary>
    /// <exception cref="TradeguardException">Exit 2 when there is none.</exception>
    public Account Get(string name) => Find(name)
        ?? throw new TradeguardException(ExitCode.Usage, $"There is no account '{AccountName.Normalize(name)}'; see 'tradeguard user list'.");

    /// <summary>The account named <paramref name="name"/>, or null.</summary>
    public Account? Find(string name) => StoredAccount.Find(db, AccountName.Normalize(name))?.Account;

    /// <summary>Every account, by name.</summary>
    public IReadOnlyList<Account> List() => StoredAccount.All(db);

    /// <summary>Disables <paramref name="name"/> and revokes its sessions.</summary>
    /// <exception cref="TradeguardException">Exit 3 without permission; exit 2 for an unknown account or the last enabled admin.</exception>
    public Account Disable(Account? actor, string name) => SetDisabled(actor, name, true);

    /// <summary>Enables <paramref name="name"/> again.</summary>
    /// <exception cref="TradeguardException">Exit 3 without permission; exit 2 for an unknown account.</exception>
    public Account Enable(Account? actor, string name) => SetDisabled(actor, name, false);

    /// <summary>Changes <paramref name="name"/>'s role.</summary>
    /// <exception cref="TradeguardException">Exit 3 without permission; exit 2 for an unknown account or demoting the last enabled admin.</exception>
    public Account SetRole(Account? actor, string name, Role role)
    {
        DemandManageUsers(actor, "identity.role.change", name);
        var target = Get(name);
        if (!Enum.IsDefined(role))
        {
            throw new TradeguardException(ExitCode.Usage, "Unknown role: use viewer, trader or admin.");
        }

        if (target.Role == Role.Admin && role != Role.Admin)
        {
            GuardLastAdmin(target);
        }

        db.Execute("UPDATE accounts SET role = $r WHERE name = $n", ("$r", (int)role), ("$n", target.Name));
        audit.Record(new AuditEvent(actor!.Actor, "identity.role.change", target.Name, AuditOutcome.Success, "",
            new Dictionary<string, string> { ["from"] = Lower(target.Role), ["to"] = Lower(role) }));
        return Get(target.Name);
    }

    /// <summary>
    /// Sets a new password for <paramref name="name"/>: by the account itself (<paramref name="actor"/> is that
    /// account) or by an admin. The policy applies, including the last passwords; all sessions are revoked.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 3 without permission; exit 2 for an unknown account.</exception>
    /// <exception cref="PasswordPolicyException">Exit 1 when the password breaks the policy.</exception>
    public void ChangePassword(Account? actor, string name, Secret newPassword)
    {
        var stored = StoredAccount.Find(db, AccountName.Normalize(name))
            ?? throw new TradeguardException(ExitCode.Usage, $"There is no account '{AccountName.Normalize(name)}'.");
        if (actor?.Name != stored.Account.Name || actor.Disabled)
        {
            DemandManageUsers(actor, "identity.user.passwd", stored.Account.Name);
        }

        var history = db.Query(
            "SELECT password_hash, password_normalization FROM password_history WHERE account = $n ORDER BY replaced_at DESC LIMIT $k",
            r => new StoredPasswordHash(r.GetString(0), (PasswordNormalization)r.GetInt32(1)),
            ("$n", stored.Account.Name), ("$k", policy.Options.HistoryDepth));
        EnforcePolicy(newPassword, new PasswordContext
        {
            Username = stored.Account.Name, FullName = stored.Account.FullName, Email = stored.Account.Email,
            HasSecondFactor = stored.Account.TwoFactorEnabled, Vault = vault,
            PreviousHashes = [stored.PasswordHash, .. history],
        });
        var hash = hasher.Hash(newPassword);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        db.Execute("INSERT INTO password_history (account, password_hash, password_normalization, replaced_at) VALUES ($n, $h, $z, $t)",
            ("$n", stored.Account.Name), ("$h", stored.PasswordHash.Encoded), ("$z", (int)stored.PasswordHash.Normalization), ("$t", now));
        db.Execute("UPDATE accounts SET password_hash = $h, password_normalization = $z WHERE name = $n",
            ("$h", hash.Encoded), ("$z", (int)hash.Normalization), ("$n", stored.Account.Name));
        audit.Record(new AuditEvent(actor!.Actor, "identity.user.passwd", stored.Account.Name, AuditOutcome.Success));
        sessions.RevokeAll(stored.Account.Name, actor.Actor);
    }

    private Account SetDisabled(Account? actor, string name, bool disabled)
    {
        DemandManageUsers(actor, disabled ? "identity.user.disable" : "identity.user.enable", name);
        var target = Get(name);
        if (disabled && target.Role == Role.Admin)
        {
            GuardLastAdmin(target);
        }

        db.Execute("UPDATE accounts SET disabled = $d WHERE name = $n", ("$d", disabled ? 1 : 0), ("$n", target.Name));
        audit.Record(new AuditEvent(actor!.Actor, disabled ? "identity.user.disable" : "identity.user.enable", target.Name, AuditOutcome.Success));
        if (disabled)
        {
            sessions.RevokeAll(target.Name, actor.Actor);
        }

        return Get(target.Name);
    }

    /// <summary>A refused account change is recorded before <see cref="Authorizer.Demand"/> throws: probing for admin
    /// rights is exactly what the log should show.</summary>
    private void DemandManageUsers(Account? actor, string action, string target)
    {
        if (!Authorizer.IsAllowed(actor, Permission.ManageUsers))
        {
            audit.Record(new AuditEvent(actor?.Actor ?? "anonymous", action, target, AuditOutcome.Denied,
                actor is null ? "nobody logged in" : $"{(actor.Disabled ? "disabled" : Lower(actor.Role))} may not manage users"));
            Authorizer.Demand(actor, Permission.ManageUsers);
        }
    }

    private void GuardLastAdmin(Account target)
    {
        var admins = List().Count(a => a.Role == Role.Admin && !a.Disabled);
        if (admins <= 1 && !target.Disabled)
        {
            throw new TradeguardException(ExitCode.Usage,
                $"'{target.Name}' is the last enabled admin; make another account admin first.");
        }
    }

    private void EnforcePolicy(Secret password, PasswordContext context)
    {
        var report = policy.Check(password, context);
        if (!report.Passed)
        {
            throw new PasswordPolicyException(report);
        }
    }

    private static string Lower(Role role) => role.ToString().ToLowerInvariant();
}
