using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Accounts;

namespace Tradeguard.Identity.Sessions;

/// <summary>
/// Session tokens: 256 random bits from the CSPRNG, given to the operator once, stored only as SHA-256 (a token is
/// not guessable, so a fast hash suffices), expiring after <see cref="SessionOptions.Lifetime"/>, revocable.
/// </summary>
public sealed class SessionService(IdentityDatabase db, IAuditLog audit, TimeProvider time, SessionOptions? options = null)
{
    private const string Prefix = "tgs_";
    private readonly SessionOptions _options = options ?? SessionOptions.Default;

    /// <summary>Issues a new token for <paramref name="account"/>.</summary>
    public SessionToken Issue(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var random = RandomNumberGenerator.GetBytes(32);
        var text = Prefix + Base64Url.EncodeToString(random);
        CryptographicOperations.ZeroMemory(random);
        var now = time.GetUtcNow();
        var expires = now + _options.Lifetime;
        var token = Secret.FromString(text);
        db.Execute("INSERT INTO sessions (token_hash, account, created_at, expires_at) VALUES ($h, $a, $c, $e)",
            ("$h", Hash(token)), ("$a", account.Name), ("$c", now.ToUnixTimeMilliseconds()), ("$e", expires.ToUnixTimeMilliseconds()));
        return new SessionToken(token, account.Name, expires);
    }

    /// <summary>The account <paramref name="token"/> authenticates, or null when it is unknown, expired, revoked, or the account is disabled or gone.</summary>
    public Account? Validate(Secret token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var name = db.Scalar<string>(
            "SELECT account FROM sessions WHERE token_hash = $h AND revoked_at IS NULL AND expires_at > $now",
            ("$h", Hash(token)), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()));
        var account = name is null ? null : StoredAccount.Find(db, name)?.Account;
        return account is { Disabled: false } ? account : null;
    }

    /// <summary>Revokes <paramref name="token"/>; true when it was live.</summary>
    public bool Revoke(Secret token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = Hash(token);
        var name = db.Scalar<string>("SELECT account FROM sessions WHERE token_hash = $h AND revoked_at IS NULL", ("$h", hash));
        var revoked = db.Execute("UPDATE sessions SET revoked_at = $now WHERE token_hash = $h AND revoked_at IS NULL",
            ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("$h", hash)) == 1;
        if (revoked)
        {
            audit.Record(new AuditEvent("operator:" + name, "identity.session.revoke", name!, AuditOutcome.Success));
        }

        return revoked;
    }

    /// <summary>Revokes every live session of <paramref name="accountName"/> (after disable or a password change); returns how many.</summary>
    public int RevokeAll(string accountName, string actor)
    {
        var count = db.Execute("UPDATE sessions SET revoked_at = $now WHERE account = $a AND revoked_at IS NULL",
            ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("$a", accountName));
        if (count > 0)
        {
            audit.Record(new AuditEvent(actor, "identity.session.revoke", accountName, AuditOutcome.Success, "",
                new Dictionary<string, string> { ["sessions"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }

        return count;
    }

    private static byte[] Hash(Secret token) => token.Use(b => SHA256.HashData(b));

    /// <summary>True when <paramref name="text"/> has the shape of a Tradeguard session token.</summary>
    public static bool LooksLikeToken(string text) =>
        text.StartsWith(Prefix, StringComparison.Ordinal) && text.Length == Prefix.Length + 43
        && Encoding.ASCII.GetByteCount(text) == text.Length;
}
