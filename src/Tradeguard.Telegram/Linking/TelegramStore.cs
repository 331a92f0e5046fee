using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Tradeguard.Core.Errors;
using Tradeguard.Storage.Sqlite;

namespace Tradeguard.Telegram.Linking;

/// <summary>
/// The bot's own durable state (SQLite, mode 0600): one-time link codes (hashed), the links from Telegram user ids to
/// operator accounts, and the update offset, so a restart neither replays nor skips an update.
/// </summary>
/// <remarks>
/// Link codes are 10 characters of Crockford base32 from the CSPRNG (50 bits), valid for a short time, single use, and
/// stored only as SHA-256: a copy of the database does not hold a usable code.
/// </remarks>
public sealed class TelegramStore
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private readonly SqliteDatabase _db;
    private readonly TimeProvider _time;

    private TelegramStore(SqliteDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the file is accessible by group or others or cannot be created; exit 4 when it is not a database.</exception>
    public static TelegramStore Open(string path, TimeProvider? time = null)
    {
        var store = new TelegramStore(SqliteDatabase.Open(path, "Telegram state"), time ?? TimeProvider.System);
        store._db.Execute("""
            CREATE TABLE IF NOT EXISTS link_codes(code_hash TEXT PRIMARY KEY, operator TEXT NOT NULL,
                                                  expires_at INTEGER NOT NULL, used_at INTEGER);
            CREATE TABLE IF NOT EXISTS links(user_id INTEGER PRIMARY KEY, operator TEXT NOT NULL, linked_at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """);
        return store;
    }

    /// <summary>Issues a one-time code that links the Telegram account which sends it to <paramref name="operatorName"/>.</summary>
    /// <returns>The code as the operator types it, e.g. <c>7K3QD-M9XWA</c> (case and the dash do not matter).</returns>
    public string IssueLinkCode(string operatorName, TimeSpan lifetime)
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        var code = new StringBuilder(11);
        for (var i = 0; i < 10; i++)
        {
            if (i == 5)
            {
                code.Append('-');
            }

            code.Append(Alphabet[random[i] & 31]);
        }

        var text = code.ToString();
        _db.Execute("INSERT INTO link_codes(code_hash, operator, expires_at) VALUES ($hash, $operator, $expires)",
            ("$hash", Hash(text)), ("$operator", operatorName), ("$expires", (_time.GetUtcNow() + lifetime).ToUnixTimeMilliseconds()));
        return text;
    }

    /// <summary>
    /// Redeems <paramref name="code"/> for <paramref name="userId"/>: binds that user id to the code's operator (replacing
    /// any earlier link of the user id). Single use, also when two redeem at once.
    /// </summary>
    /// <returns>The operator name, or null when the code is unknown, expired or already used (not told apart).</returns>
    public string? RedeemLinkCode(string code, long userId)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var connection = _db.Connect();
        using var tx = connection.BeginTransaction();
        using var take = connection.CreateCommand();
        take.Transaction = tx;
        take.CommandText = """
            UPDATE link_codes SET used_at = $now
            WHERE code_hash = $hash AND used_at IS NULL AND expires_at > $now
            RETURNING operator
            """;
        take.Parameters.AddWithValue("$hash", Hash(code));
        take.Parameters.AddWithValue("$now", now);
        if (take.ExecuteScalar() is not string operatorName)
        {
            return null;
        }

        using var link = connection.CreateCommand();
        link.Transaction = tx;
        link.CommandText = """
            INSERT INTO links(user_id, operator, linked_at) VALUES ($user, $operator, $now)
            ON CONFLICT(user_id) DO UPDATE SET operator = excluded.operator, linked_at = excluded.linked_at
            """;
        link.Parameters.AddWithValue("$user", userId);
        link.Parameters.AddWithValue("$operator", operatorName);
        link.Parameters.AddWithValue("$now", now);
        link.ExecuteNonQuery();
        tx.Commit();
        return operatorName;
    }

    /// <summary>The operator linked to Telegram user <paramref name="userId"/>, or null.</summary>
    public string? OperatorFor(long userId)
    {
        using var connection = _db.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT operator FROM links WHERE user_id = $user";
        cmd.Parameters.AddWithValue("$user", userId);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Every link, by user id.</summary>
    public IReadOnlyList<(long UserId, string Operator)> Links()
    {
        using var connection = _db.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT user_id, operator FROM links ORDER BY user_id";
        using var reader = cmd.ExecuteReader();
        var result = new List<(long, string)>();
        while (reader.Read())
        {
            result.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return result;
    }

    /// <summary>Removes the link of <paramref name="userId"/>; true when there was one.</summary>
    public bool Unlink(long userId) => _db.Execute("DELETE FROM links WHERE user_id = $user", ("$user", userId)) > 0;

    /// <summary>
    /// Records that update <paramref name="updateId"/> is being handled; false when it (or a later one) was handled
    /// already, so a replayed update is dropped (Bot API: update ids increase sequentially).
    /// </summary>
    public bool TryBeginUpdate(long updateId) =>
        _db.Execute("""
            INSERT INTO state(key, value) VALUES ('last_update_id', $id)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE excluded.value > state.value
            """, ("$id", updateId)) > 0;

    /// <summary>The <c>getUpdates</c> offset to ask for next (last handled update id + 1), or null before the first.</summary>
    public long? NextOffset
    {
        get
        {
            using var connection = _db.Connect();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT value FROM state WHERE key = 'last_update_id'";
            return cmd.ExecuteScalar() is long last ? last + 1 : null;
        }
    }

    private static string Hash(string code)
    {
        var normalized = code.Trim().Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
