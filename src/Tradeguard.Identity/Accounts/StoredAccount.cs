using Microsoft.Data.Sqlite;
using Tradeguard.Identity.Hashing;

namespace Tradeguard.Identity.Accounts;

/// <summary>An account row with the fields only this module sees.</summary>
internal sealed record StoredAccount(Account Account, StoredPasswordHash PasswordHash, byte[]? TotpSeed, byte[]? PendingTotpSeed)
{
    private const string Columns =
        "name, role, full_name, email, disabled, totp_seed, created_at, password_hash, password_normalization, totp_pending_seed";

    public static StoredAccount? Find(IdentityDatabase db, string name) =>
        db.Query($"SELECT {Columns} FROM accounts WHERE name = $name", Read, ("$name", name)).SingleOrDefault();

    public static List<Account> All(IdentityDatabase db) =>
        db.Query($"SELECT {Columns} FROM accounts ORDER BY name", r => Read(r).Account);

    private static StoredAccount Read(SqliteDataReader r)
    {
        var seed = r.IsDBNull(5) ? null : (byte[])r[5];
        var account = new Account(r.GetString(0), (Role)r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetInt64(4) != 0,
            seed is not null, DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)));
        return new StoredAccount(account, new StoredPasswordHash(r.GetString(7), (PasswordNormalization)r.GetInt32(8)),
            seed, r.IsDBNull(9) ? null : (byte[])r[9]);
    }
}
