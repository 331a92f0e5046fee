using System.Security.Cryptography;
using OtpNet;
using QRCoder;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Accounts;

namespace Tradeguard.Identity.Totp;

/// <summary>
/// TOTP two-factor authentication for accounts (RFC 6238, see <see cref="TotpCode"/>): enrolment with an
/// <c>otpauth://</c> URI and QR code, confirmation with a first code, 10 recovery codes, replay rejection, and
/// disabling with a current code. Seeds are stored encrypted with the vault's <c>vault://tradeguard/totp_key</c>.
/// </summary>
/// <remarks>
/// Other modules (Telegram's destructive commands) call <see cref="Verify"/>: it rejects a code whose time step
/// was already used for the account, and counts failures towards the account's lockout.
/// </remarks>
public sealed class TwoFactor
{
    /// <summary>The issuer shown in authenticator apps.</summary>
    public const string Issuer = "Tradeguard";

    private readonly IdentityDatabase _db;
    private readonly TotpSeedProtector _protector;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly LoginThrottle _throttle;

    /// <summary>Creates the service.</summary>
    /// <param name="db">The identity database.</param>
    /// <param name="vault">Where the seed-encryption key lives (created at first enrolment); null when no vault is open,
    /// in which case any use of a seed throws exit 5.</param>
    /// <param name="audit">Where enrolment, enable, disable and recovery-code use are recorded.</param>
    /// <param name="time">The clock (inject a fake one in tests).</param>
    /// <param name="lockout">When failures lock the account (shared with login).</param>
    public TwoFactor(IdentityDatabase db, ISecretStore? vault, IAuditLog audit, TimeProvider time, LockoutOptions? lockout = null)
    {
        _db = db;
        _protector = new TotpSeedProtector(vault);
        _audit = audit;
        _time = time;
        _throttle = new LoginThrottle(db, lockout ?? LockoutOptions.Default, time);
    }

    /// <summary>
    /// Starts enrolment: generates a 160-bit seed, stores it encrypted as pending, and returns the URI and QR codes.
    /// Starting again replaces a pending seed; 2FA stays off until <see cref="ConfirmEnrollment"/>.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 2 for an unknown account; exit 1 when 2FA is already on.</exception>
    public TotpEnrollment BeginEnrollment(string accountName)
    {
        var account = Require(accountName);
        if (account.Account.TwoFactorEnabled)
        {
            throw new TradeguardException(ExitCode.CheckFailed,
                $"Account '{account.Account.Name}' already has 2FA on; disable it first (with a current code) to re-enrol.");
        }

        var seed = RandomNumberGenerator.GetBytes(TotpCode.SeedBytes);
        try
        {
            _db.Execute("UPDATE accounts SET totp_pending_seed = $s WHERE name = $n",
                ("$s", _protector.Protect(account.Account.Name, seed)), ("$n", account.Account.Name));
            var base32 = Base32Encoding.ToString(seed).TrimEnd('=');
            var uri = new OtpUri(OtpType.Totp, seed, account.Account.Name, Issuer, OtpHashMode.Sha1,
                TotpCode.Digits, TotpCode.StepSeconds).ToString();
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            var png = new PngByteQRCode(data).GetGraphic(8);
            var terminal = new AsciiQRCode(data).GetGraphicSmall(drawQuietZones: true);
            // A new seed has just been shown on screen: worth a record even though 2FA is not on yet.
            _audit.Record(new AuditEvent(account.Account.Actor, "identity.2fa.enroll", account.Account.Name, AuditOutcome.Success));
            return new TotpEnrollment(account.Account.Name, uri, base32, png, terminal);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>
    /// Turns 2FA on when <paramref name="code"/> is valid for the pending seed; returns the 10 recovery codes, shown
    /// once (only their hashes are kept). The code's step counts as used.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 2 when there is no pending enrolment; exit 3 for a wrong code.</exception>
    public IReadOnlyList<string> ConfirmEnrollment(string accountName, string code)
    {
        var account = Require(accountName);
        var name = account.Account.Name;
        if (account.PendingTotpSeed is null)
        {
            throw new TradeguardException(ExitCode.Usage, $"Account '{name}' has no 2FA enrolment in progress; run 'tradeguard user 2fa enable {name}' first.");
        }

        var seed = _protector.Unprotect(name, account.PendingTotpSeed);
        long? step;
        try
        {
            step = TotpCode.Match(seed, code.Trim(), _time.GetUtcNow());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }

        if (step is null)
        {
            _audit.Record(new AuditEvent(account.Account.Actor, "identity.2fa.enable", name, AuditOutcome.Denied, "wrong confirmation code"));
            throw new TradeguardException(ExitCode.AuthenticationFailed,
                "That code does not match: check the authenticator app's clock and enter the current 6-digit code.");
        }

        var codes = RecoveryCodes.Generate();
        using var connection = _db.Connect();
        using var tx = connection.BeginTransaction();
        void Run(string sql, params (string, object?)[] p)
        {
            using var c = IdentityDatabase.Command(connection, sql, p);
            c.Transaction = tx;
            c.ExecuteNonQuery();
        }

        Run("UPDATE accounts SET totp_seed = totp_pending_seed, totp_pending_seed = NULL WHERE name = $n", ("$n", name));
        Run("DELETE FROM recovery_codes WHERE account = $n", ("$n", name));
        Run("DELETE FROM totp_used_steps WHERE account = $n", ("$n", name));
        Run("INSERT INTO totp_used_steps (account, step) VALUES ($n, $s)", ("$n", name), ("$s", step.Value));
        foreach (var c in codes)
        {
            Run("INSERT INTO recovery_codes (account, code_hash) VALUES ($n, $h)", ("$n", name), ("$h", RecoveryCodes.Hash(c)));
        }

        tx.Commit();
        _audit.Record(new AuditEvent(account.Account.Actor, "identity.2fa.enable", name, AuditOutcome.Success));
        return codes;
    }

    /// <summary>
    /// Checks a second factor for <paramref name="accountName"/>: a 6-digit TOTP code (its step must be newer than
    /// every step used before) or an unused recovery code. A wrong code counts towards the lockout, and the attempt
    /// that reaches the limit already answers <see cref="TotpCheck.Locked"/>.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 4/5 when the seed cannot be decrypted.</exception>
    public TotpCheck Verify(string accountName, string code)
    {
        var name = AccountName.Normalize(accountName);
        if (_throttle.LockedUntil(name) is not null)
        {
            return TotpCheck.Locked;
        }

        var result = Check(name, code);
        // A replay needs a valid code: not a guess, so only rejections count towards the lockout (as in login).
        if (result is TotpCheck.Rejected && _throttle.RecordFailure(name) is not null)
        {
            _audit.Record(new AuditEvent("operator:" + name, "identity.lockout", name, AuditOutcome.Denied, "too many wrong second factors"));
            return TotpCheck.Locked;
        }

        return result;
    }

    /// <summary>Turns 2FA off; needs a current TOTP code (or a recovery code). Recovery codes and used steps are deleted.</summary>
    /// <exception cref="TradeguardException">Exit 3 when the code is wrong or the account is locked; exit 1 when 2FA is off.</exception>
    public void Disable(string accountName, string code)
    {
        var account = Require(accountName);
        var name = account.Account.Name;
        if (!account.Account.TwoFactorEnabled)
        {
            throw new TradeguardException(ExitCode.CheckFailed, $"Account '{name}' does not have 2FA on.");
        }

        var result = Verify(name, code);
        if (result != TotpCheck.Accepted)
        {
            _audit.Record(new AuditEvent(account.Account.Actor, "identity.2fa.disable", name, AuditOutcome.Denied, result.ToString().ToLowerInvariant()));
            throw new TradeguardException(ExitCode.AuthenticationFailed,
                result == TotpCheck.Locked ? "The account is locked after too many failures; try again later."
                    : "That code is not valid (wrong, expired or already used); 2FA stays on.");
        }

        _db.Execute("UPDATE accounts SET totp_seed = NULL, totp_pending_seed = NULL WHERE name = $n", ("$n", name));
        _db.Execute("DELETE FROM recovery_codes WHERE account = $n", ("$n", name));
        _db.Execute("DELETE FROM totp_used_steps WHERE account = $n", ("$n", name));
        _audit.Record(new AuditEvent(account.Account.Actor, "identity.2fa.disable", name, AuditOutcome.Success));
    }

    /// <summary>How many unused recovery codes <paramref name="accountName"/> has left.</summary>
    public int RecoveryCodesLeft(string accountName) =>
        (int)_db.Scalar<long>("SELECT COUNT(*) FROM recovery_codes WHERE account = $n AND used_at IS NULL",
            ("$n", AccountName.Normalize(accountName)));

    /// <summary>The check itself, without throttling: used by login, which throttles password and code together.</summary>
    internal TotpCheck Check(string name, string code)
    {
        var account = StoredAccount.Find(_db, name);
        if (account?.TotpSeed is null)
        {
            return TotpCheck.NotEnrolled;
        }

        code = code.Trim();
        if (RecoveryCodes.LooksLikeRecoveryCode(code))
        {
            var used = _db.Execute(
                "UPDATE recovery_codes SET used_at = $t WHERE account = $n AND code_hash = $h AND used_at IS NULL",
                ("$t", _time.GetUtcNow().ToUnixTimeMilliseconds()), ("$n", name), ("$h", RecoveryCodes.Hash(code)));
            _audit.Record(new AuditEvent(account.Account.Actor, "identity.recovery_code.use", name,
                used == 1 ? AuditOutcome.Success : AuditOutcome.Denied, used == 1 ? "" : "unknown or already used recovery code",
                new Dictionary<string, string> { ["left"] = RecoveryCodesLeft(name).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            return used == 1 ? TotpCheck.Accepted : TotpCheck.Rejected;
        }

        var seed = _protector.Unprotect(name, account.TotpSeed);
        long? step;
        try
        {
            step = TotpCode.Match(seed, code, _time.GetUtcNow());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }

        if (step is null)
        {
            return TotpCheck.Rejected;
        }

        // RFC 6238 §5.2: a code is accepted once; a step at or before the last used one is a replay.
        var inserted = _db.Execute(
            "INSERT INTO totp_used_steps (account, step) SELECT $n, $s " +
            "WHERE NOT EXISTS (SELECT 1 FROM totp_used_steps WHERE account = $n AND step >= $s)",
            ("$n", name), ("$s", step.Value));
        if (inserted == 0)
        {
            return TotpCheck.Replayed;
        }

        _db.Execute("DELETE FROM totp_used_steps WHERE account = $n AND step < $s", ("$n", name), ("$s", step.Value));
        return TotpCheck.Accepted;
    }

    private StoredAccount Require(string accountName)
    {
        var name = AccountName.Normalize(accountName);
        return StoredAccount.Find(_db, name)
            ?? throw new TradeguardException(ExitCode.Usage, $"There is no account '{name}'; see 'tradeguard user list'.");
    }
}
