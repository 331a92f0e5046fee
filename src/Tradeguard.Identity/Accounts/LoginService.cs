using Tradeguard.Core.Audit;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Hashing;
using Tradeguard.Identity.Sessions;
using Tradeguard.Identity.Totp;

namespace Tradeguard.Identity.Accounts;

/// <summary>
/// Logs operators in: password, then the second factor when 2FA is on, then a session token.
/// </summary>
/// <remarks>
/// <para>Every wrong credential gives <see cref="LoginOutcome.InvalidCredentials"/> ("invalid credentials"); an
/// unknown name costs one hash verification (against <see cref="PasswordHasher.Unmatchable"/>, made with the current
/// options and without hashing), exactly as a known one does, and
/// unknown names are throttled and locked like real ones, so neither the answer nor the time tells them apart.</para>
/// <para>Failures of either step count towards the lock, except a valid code whose step was already used
/// (<see cref="LoginOutcome.CodeAlreadyUsed"/>: "wait for the next code"); only a complete login (password and second factor)
/// resets the count, so guessing codes behind a known password still locks the account. The attempt that reaches
/// the limit already answers <see cref="LoginOutcome.Locked"/>. A correct login re-hashes a password whose hash
/// <see cref="PasswordHasher.NeedsRehash"/>. Every attempt is audited as <c>identity.login</c>.</para>
/// </remarks>
public sealed class LoginService
{
    private readonly IdentityDatabase _db;
    private readonly PasswordHasher _hasher;
    private readonly TwoFactor _twoFactor;
    private readonly SessionService _sessions;
    private readonly LoginThrottle _throttle;
    private readonly IAuditLog _audit;
    private readonly Lazy<StoredPasswordHash> _dummy;

    /// <summary>Creates the service.</summary>
    public LoginService(IdentityDatabase db, PasswordHasher hasher, TwoFactor twoFactor, SessionService sessions,
        IAuditLog audit, TimeProvider time, LockoutOptions? lockout = null)
    {
        _db = db;
        _hasher = hasher;
        _twoFactor = twoFactor;
        _sessions = sessions;
        _audit = audit;
        _throttle = new LoginThrottle(db, lockout ?? LockoutOptions.Default, time);
        // Made without hashing: were it made by hashing on first use, as each CLI login is a new process, an unknown
        // name would cost one hash more than a known one and the time would tell them apart.
        _dummy = new Lazy<StoredPasswordHash>(_hasher.Unmatchable);
    }

    /// <summary>Attempts a login.</summary>
    /// <param name="accountName">The account name as typed (case-folded).</param>
    /// <param name="password">The password.</param>
    /// <param name="secondFactor">A 6-digit TOTP code or a recovery code; null on the first call.</param>
    /// <exception cref="Core.Errors.TradeguardException">Exit 4 when the account's stored hash or seed is damaged.</exception>
    public LoginResult Login(string accountName, Secret password, string? secondFactor = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        var name = (accountName ?? "").Trim().ToLowerInvariant();
        if (_throttle.LockedUntil(name) is { } lockedUntil)
        {
            Audit(name, AuditOutcome.Denied, "locked");
            return new LoginResult(LoginOutcome.Locked, LockedUntil: lockedUntil);
        }

        var stored = name.Length is > 0 and <= 32 ? StoredAccount.Find(_db, name) : null;
        var verification = _hasher.Verify(password, stored?.PasswordHash ?? _dummy.Value);
        if (stored is null || verification == PasswordVerification.Failed || stored.Account.Disabled)
        {
            var reason = stored is null ? "unknown account" : verification == PasswordVerification.Failed ? "wrong password" : "account disabled";
            return Fail(name, reason);
        }

        if (stored.Account.TwoFactorEnabled)
        {
            if (secondFactor is null)
            {
                return new LoginResult(LoginOutcome.SecondFactorRequired);
            }

            var check = _twoFactor.Check(name, secondFactor);
            if (check == TotpCheck.Replayed)
            {
                // A replay needs a valid code: not a guess, so not counted towards the lockout.
                Audit(name, AuditOutcome.Denied, "replayed TOTP code");
                return new LoginResult(LoginOutcome.CodeAlreadyUsed);
            }

            if (check != TotpCheck.Accepted)
            {
                return Fail(name, "wrong second factor");
            }
        }

        _throttle.Reset(name);
        if (verification == PasswordVerification.SuccessRehashNeeded)
        {
            var upgraded = _hasher.Hash(password);
            _db.Execute("UPDATE accounts SET password_hash = $h, password_normalization = $z WHERE name = $n",
                ("$h", upgraded.Encoded), ("$z", (int)upgraded.Normalization), ("$n", name));
        }

        Audit(name, AuditOutcome.Success, verification == PasswordVerification.SuccessRehashNeeded ? "password re-hashed" : "");
        return new LoginResult(LoginOutcome.Success, _sessions.Issue(stored.Account));
    }

    /// <summary>
    /// Re-checks an operator's password before a sensitive change (2FA enrolment, self-service password change):
    /// the same throttling, lockout and audit as <see cref="Login"/>, but no second factor and no session.
    /// </summary>
    /// <returns>The account when the password is right and the account enabled and not locked.</returns>
    /// <exception cref="Core.Errors.TradeguardException">Exit 3 with "invalid credentials" or the lock's end.</exception>
    public Account Reauthenticate(string accountName, Secret password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var name = (accountName ?? "").Trim().ToLowerInvariant();
        var locked = _throttle.LockedUntil(name);
        if (locked is null)
        {
            var stored = name.Length is > 0 and <= 32 ? StoredAccount.Find(_db, name) : null;
            var ok = _hasher.Verify(password, stored?.PasswordHash ?? _dummy.Value) != PasswordVerification.Failed;
            if (stored is not null && ok && !stored.Account.Disabled)
            {
                Audit(name, AuditOutcome.Success, "re-authentication");
                return stored.Account;
            }

            var failed = Fail(name, stored is null ? "unknown account" : ok ? "account disabled" : "wrong password");
            locked = failed.LockedUntil;
        }

        throw new Core.Errors.TradeguardException(Core.Errors.ExitCode.AuthenticationFailed,
            locked is null ? LoginResult.InvalidCredentialsMessage : new LoginResult(LoginOutcome.Locked, LockedUntil: locked).Message);
    }

    /// <summary>The hash unknown names are checked against: same algorithm and cost as new hashes.</summary>
    internal StoredPasswordHash DummyHash => _dummy.Value;

    private LoginResult Fail(string name, string reason)
    {
        Audit(name, AuditOutcome.Denied, reason);
        if (_throttle.RecordFailure(name) is { } until)
        {
            _audit.Record(new AuditEvent("operator:" + name, "identity.lockout", name, AuditOutcome.Denied,
                $"{_throttle.Options.MaxFailures} or more consecutive failures",
                new Dictionary<string, string> { ["until"] = until.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }));
            return new LoginResult(LoginOutcome.Locked, LockedUntil: until);
        }

        return new LoginResult(LoginOutcome.InvalidCredentials);
    }

    private void Audit(string name, AuditOutcome outcome, string reason) =>
        _audit.Record(new AuditEvent("operator:" + name, "identity.login", name, outcome, reason));
}
