using Microsoft.Data.Sqlite;
using Tradeguard.Core.Errors;
using Tradeguard.Storage.Sqlite;

namespace Tradeguard.Alerts.Outbox;

/// <summary>
/// The durable outbox (SQLite, WAL, synchronous=FULL): every alert is committed here before any attempt to send it,
/// so a crash, a flood or an outage delays an alert but never loses it (DESIGN.md, "Alerts").
/// </summary>
/// <remarks>
/// <para>Each row has a dedupe key unique per channel and recipient, so a producer that re-publishes after a crash
/// does not queue twice. A send is at-least-once: the row is marked sent right after the channel accepts it, so only a
/// crash between the service's acceptance and that commit (microseconds) can repeat one message; none is ever lost.</para>
/// <para>The database file is created with mode 0600 and refused when group or others can read it. One instance per
/// process; safe for use from several threads (each call opens its own pooled connection).</para>
/// </remarks>
public sealed class OutboxStore
{
    private readonly SqliteDatabase _db;
    private readonly TimeProvider _time;

    private OutboxStore(SqliteDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <summary>The database file.</summary>
    public string Path => _db.Path;

    /// <summary>Opens (creating if needed) the outbox at <paramref name="path"/>.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the file is accessible by group or others or cannot be created; exit 4 when it is not a database.</exception>
    public static OutboxStore Open(string path, TimeProvider? time = null)
    {
        var store = new OutboxStore(SqliteDatabase.Open(path, "alert outbox"), time ?? TimeProvider.System);
        store.CreateSchema();
        return store;
    }

    /// <summary>
    /// Adds messages in one transaction; a message whose (channel, recipient, dedupe key) is already present is skipped.
    /// </summary>
    /// <remarks>Messages for a recipient marked gone are kept as <see cref="OutboxState.Undeliverable"/>, for
    /// <c>alerts retry</c>.</remarks>
    /// <param name="messages">The messages, in send order.</param>
    /// <returns>How many were added.</returns>
    public int Enqueue(IReadOnlyList<NewOutboxMessage> messages) => Enqueue(messages, heldBy: null);

    /// <summary>
    /// Adds messages held back (not sent, not counted as pending) by process <paramref name="heldBy"/> until
    /// <see cref="Release"/>: the first half of committing an alert together with a record kept elsewhere (the audit log).
    /// If that process dies first, <see cref="RecoverHeld"/> at the next start releases them.
    /// </summary>
    /// <returns>How many were added.</returns>
    public int EnqueueHeld(IReadOnlyList<NewOutboxMessage> messages, int heldBy) => Enqueue(messages, (int?)heldBy);

    /// <summary>Releases held messages whose dedupe key is <paramref name="dedupeKey"/> (or starts with it and '#'): they become pending.</summary>
    public void Release(string dedupeKey) =>
        _db.Execute("""
            UPDATE outbox SET held_by = NULL, state = CASE WHEN EXISTS (SELECT 1 FROM recipients r
                WHERE r.channel = outbox.channel AND r.recipient = outbox.recipient) THEN 'undeliverable' ELSE 'pending' END
            WHERE state = 'held' AND
            """ + " (dedupe_key = $key OR dedupe_key LIKE $prefix ESCAPE '\\')",
            ("$key", dedupeKey), ("$prefix", dedupeKey.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "#%"));

    /// <summary>
    /// Releases the messages held by processes that are gone (killed between the two halves of a commit), adding
    /// <paramref name="note"/> on a line of its own to their text. Messages held by a live process are left to it.
    /// </summary>
    /// <param name="isAlive">Whether a process id is still running.</param>
    /// <param name="note">The line added to each recovered text.</param>
    /// <returns>How many were released.</returns>
    public int RecoverHeld(Func<int, bool> isAlive, string note)
    {
        var owners = new List<long>();
        using (var connection = _db.Connect())
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT DISTINCT held_by FROM outbox WHERE state = 'held'";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                owners.Add(reader.IsDBNull(0) ? -1 : reader.GetInt64(0));
            }
        }

        var released = 0;
        foreach (var owner in owners.Where(o => o < 0 || !isAlive((int)o)))
        {
            released += _db.Execute("""
                UPDATE outbox SET state = 'pending', held_by = NULL, text = CASE WHEN text IS NULL THEN NULL ELSE text || char(10) || $note END
                WHERE state = 'held' AND (held_by = $owner OR ($owner < 0 AND held_by IS NULL))
                """, ("$owner", owner), ("$note", note));
        }

        return released;
    }

    private int Enqueue(IReadOnlyList<NewOutboxMessage> messages, int? heldBy)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var connection = _db.Connect();
        using var tx = connection.BeginTransaction();
        var added = 0;
        foreach (var m in messages)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO outbox(channel, recipient, kind, dedupe_key, text, silent, attachment_name, attachment,
                                   created_at, state, next_attempt_at, held_by)
                VALUES ($channel, $recipient, $kind, $key, $text, $silent, $name, $attachment, $now,
                        CASE WHEN $held IS NOT NULL THEN 'held'
                             WHEN EXISTS (SELECT 1 FROM recipients WHERE channel = $channel AND recipient = $recipient)
                             THEN 'undeliverable' ELSE 'pending' END, $now, $held)
                ON CONFLICT(channel, recipient, dedupe_key) DO NOTHING
                """;
            cmd.Parameters.AddWithValue("$channel", m.Channel);
            cmd.Parameters.AddWithValue("$recipient", m.Recipient);
            cmd.Parameters.AddWithValue("$kind", m.Kind);
            cmd.Parameters.AddWithValue("$key", m.DedupeKey);
            cmd.Parameters.AddWithValue("$text", (object?)m.Text ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$silent", m.Silent ? 1 : 0);
            cmd.Parameters.AddWithValue("$name", (object?)m.AttachmentName ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$attachment", (object?)m.Attachment ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$now", now);
            cmd.Parameters.AddWithValue("$held", (object?)heldBy ?? DBNull.Value);
            added += cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return added;
    }

    /// <summary>The oldest pending message of every (channel, recipient) pair: the only ones that may be sent now.</summary>
    public IReadOnlyList<OutboxMessage> PendingHeads()
    {
        using var connection = _db.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT {Columns} FROM outbox WHERE id IN (
              SELECT MIN(id) FROM outbox WHERE state = 'pending' GROUP BY channel, recipient)
            ORDER BY id
            """;
        return Read(cmd);
    }

    /// <summary>The pending messages of <paramref name="channel"/>, oldest first.</summary>
    public IReadOnlyList<OutboxMessage> PendingFor(string channel)
    {
        using var connection = _db.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM outbox WHERE state = 'pending' AND channel = $channel ORDER BY id";
        cmd.Parameters.AddWithValue("$channel", channel);
        return Read(cmd);
    }

    /// <summary>Counts messages in <paramref name="state"/>.</summary>
    public int Count(OutboxState state)
    {
        using var connection = _db.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM outbox WHERE state = $state";
        cmd.Parameters.AddWithValue("$state", StateName(state));
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Pending messages per channel name (channels with none are absent).</summary>
    public IReadOnlyDictionary<string, int> PendingByChannel()
    {
        using var connection = _db.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT channel, COUNT(*) FROM outbox WHERE state = 'pending' GROUP BY channel ORDER BY channel";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <summary>Messages, newest first, optionally only those in <paramref name="state"/>.</summary>
    /// <param name="state">Filter, or null for all.</param>
    /// <param name="limit">At most this many (1 or more).</param>
    public IReadOnlyList<OutboxMessage> List(OutboxState? state = null, int limit = 50)
    {
        using var connection = _db.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM outbox {(state is null ? "" : "WHERE state = $state")} ORDER BY id DESC LIMIT $limit";
        if (state is not null)
        {
            cmd.Parameters.AddWithValue("$state", StateName(state.Value));
        }

        cmd.Parameters.AddWithValue("$limit", Math.Max(1, limit));
        return Read(cmd);
    }

    /// <summary>Counts an attempt before it starts, so a crash mid-send leaves a trace in <c>attempts</c>.</summary>
    public void MarkAttempt(long id) =>
        _db.Execute("UPDATE outbox SET attempts = attempts + 1 WHERE id = $id", ("$id", id));

    /// <summary>Marks a message sent, at the current time.</summary>
    public void MarkSent(long id) =>
        _db.Execute("UPDATE outbox SET state = 'sent', sent_at = $now, last_error = NULL WHERE id = $id",
            ("$id", id), ("$now", _time.GetUtcNow().ToUnixTimeMilliseconds()));

    /// <summary>Keeps a message pending until <paramref name="notBefore"/>, recording why.</summary>
    public void Reschedule(long id, DateTimeOffset notBefore, string reason) =>
        _db.Execute("UPDATE outbox SET next_attempt_at = $at, last_error = $reason WHERE id = $id",
            ("$id", id), ("$at", notBefore.ToUnixTimeMilliseconds()), ("$reason", reason));

    /// <summary>Switches a message to plain text (after its formatted form was refused) and makes it due now.</summary>
    public void MarkPlainOnly(long id, string reason) =>
        _db.Execute("UPDATE outbox SET plain_only = 1, next_attempt_at = $now, last_error = $reason WHERE id = $id",
            ("$id", id), ("$now", _time.GetUtcNow().ToUnixTimeMilliseconds()), ("$reason", reason));

    /// <summary>
    /// Records a send whose outcome is unknown (the request left, no answer came) and keeps the message pending until
    /// <paramref name="notBefore"/> for its one resend.
    /// </summary>
    public void MarkUnknownOutcome(long id, DateTimeOffset notBefore, string reason) =>
        _db.Execute("UPDATE outbox SET unknown_outcomes = unknown_outcomes + 1, next_attempt_at = $at, last_error = $reason WHERE id = $id",
            ("$id", id), ("$at", notBefore.ToUnixTimeMilliseconds()), ("$reason", reason));

    /// <summary>
    /// Sets a message aside as <see cref="OutboxState.PossiblySent"/>: its resend's outcome was unknown too, so sending it
    /// again could make a third copy. <c>alerts list</c> shows it; <c>alerts retry</c> sends it again on request.
    /// </summary>
    public void MarkPossiblySent(long id, string reason) =>
        _db.Execute("UPDATE outbox SET state = 'possiblysent', unknown_outcomes = unknown_outcomes + 1, last_error = $reason WHERE id = $id",
            ("$id", id), ("$reason", reason));

    /// <summary>Marks a message failed for good.</summary>
    public void MarkFailed(long id, string reason) =>
        _db.Execute("UPDATE outbox SET state = 'failed', last_error = $reason WHERE id = $id", ("$id", id), ("$reason", reason));

    /// <summary>
    /// Marks a recipient gone (blocked the bot): every pending message to it becomes undeliverable, and so do messages
    /// enqueued for it later, until <see cref="Retry"/> clears the mark.
    /// </summary>
    /// <returns>How many pending messages were set aside.</returns>
    public int MarkRecipientUndeliverable(string channel, string recipient, string reason)
    {
        using var connection = _db.Connect();
        using var tx = connection.BeginTransaction();
        using (var mark = connection.CreateCommand())
        {
            mark.Transaction = tx;
            mark.CommandText = """
                INSERT INTO recipients(channel, recipient, reason, since) VALUES ($channel, $recipient, $reason, $now)
                ON CONFLICT(channel, recipient) DO UPDATE SET reason = excluded.reason, since = excluded.since
                """;
            mark.Parameters.AddWithValue("$channel", channel);
            mark.Parameters.AddWithValue("$recipient", recipient);
            mark.Parameters.AddWithValue("$reason", reason);
            mark.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            mark.ExecuteNonQuery();
        }

        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = """
            UPDATE outbox SET state = 'undeliverable', last_error = $reason
            WHERE channel = $channel AND recipient = $recipient AND state = 'pending'
            """;
        update.Parameters.AddWithValue("$channel", channel);
        update.Parameters.AddWithValue("$recipient", recipient);
        update.Parameters.AddWithValue("$reason", reason);
        var moved = update.ExecuteNonQuery();
        tx.Commit();
        return moved;
    }

    /// <summary>True when <paramref name="recipient"/> is marked gone on <paramref name="channel"/>.</summary>
    public bool IsUndeliverable(string channel, string recipient)
    {
        using var connection = _db.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM recipients WHERE channel = $channel AND recipient = $recipient";
        cmd.Parameters.AddWithValue("$channel", channel);
        cmd.Parameters.AddWithValue("$recipient", recipient);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// Puts failed and undeliverable messages back in the queue (all, or only <paramref name="ids"/>) and clears the
    /// recipient marks of those messages, for after the operator fixed the cause (unblocked the bot, fixed a chat id).
    /// </summary>
    /// <returns>How many messages were re-queued.</returns>
    public int Retry(IReadOnlyCollection<long>? ids = null)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var connection = _db.Connect();
        using var tx = connection.BeginTransaction();
        var filter = ids is { Count: > 0 } ? $"AND id IN ({string.Join(',', ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})" : "";
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = tx;
            clear.CommandText = $"""
                DELETE FROM recipients WHERE (channel, recipient) IN (
                  SELECT channel, recipient FROM outbox WHERE state IN ('failed', 'undeliverable') {filter})
                """;
            clear.ExecuteNonQuery();
        }

        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = $"""
            UPDATE outbox SET state = 'pending', next_attempt_at = $now, plain_only = 0, unknown_outcomes = 0
            WHERE state IN ('failed', 'undeliverable', 'possiblysent') {filter}
            """;
        update.Parameters.AddWithValue("$now", now);
        var count = update.ExecuteNonQuery();
        tx.Commit();
        return count;
    }

    /// <summary>
    /// Deletes sent messages older than <paramref name="olderThan"/> (and, with <paramref name="includeFailed"/>, failed
    /// and undeliverable ones too). Pending messages are never purged: that would lose alerts.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    public int Purge(TimeSpan olderThan, bool includeFailed = false)
    {
        var cutoff = (_time.GetUtcNow() - olderThan).ToUnixTimeMilliseconds();
        var states = includeFailed ? "'sent', 'failed', 'undeliverable'" : "'sent'";
        var deleted = _db.Execute($"DELETE FROM outbox WHERE state IN ({states}) AND created_at <= $cutoff", ("$cutoff", cutoff));
        _db.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        return deleted;
    }

    private const string Columns =
        "id, channel, recipient, kind, dedupe_key, text, silent, plain_only, attachment_name, attachment, created_at, " +
        "state, attempts, next_attempt_at, last_error, sent_at, unknown_outcomes";

    private static IReadOnlyList<OutboxMessage> Read(SqliteCommand cmd)
    {
        var result = new List<OutboxMessage>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new OutboxMessage(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(6) != 0,
                reader.GetInt64(7) != 0,
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : (byte[])reader.GetValue(9),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                ParseState(reader.GetString(11)),
                reader.GetInt32(12),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(13)),
                reader.IsDBNull(14) ? null : reader.GetString(14),
                reader.IsDBNull(15) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(15)))
            {
                UnknownOutcomes = reader.GetInt32(16),
            });
        }

        return result;
    }

    private static string StateName(OutboxState state) => state.ToString().ToLowerInvariant();

    private static OutboxState ParseState(string name) => Enum.Parse<OutboxState>(name, ignoreCase: true);

    private void CreateSchema()
    {
        _db.Execute("""
            CREATE TABLE IF NOT EXISTS outbox(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              channel TEXT NOT NULL,
              recipient TEXT NOT NULL,
              kind TEXT NOT NULL,
              dedupe_key TEXT NOT NULL,
              text TEXT,
              silent INTEGER NOT NULL DEFAULT 0,
              plain_only INTEGER NOT NULL DEFAULT 0,
              attachment_name TEXT,
              attachment BLOB,
              created_at INTEGER NOT NULL,
              state TEXT NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0,
              next_attempt_at INTEGER NOT NULL,
              last_error TEXT,
              sent_at INTEGER,
              UNIQUE(channel, recipient, dedupe_key));
            CREATE INDEX IF NOT EXISTS outbox_pending ON outbox(state, channel, recipient, id);
            CREATE TABLE IF NOT EXISTS recipients(
              channel TEXT NOT NULL,
              recipient TEXT NOT NULL,
              reason TEXT NOT NULL,
              since INTEGER NOT NULL,
              PRIMARY KEY(channel, recipient));
            """);

        // Outboxes created before these columns existed get them (defaults for every existing row).
        AddColumnIfMissing("unknown_outcomes", "INTEGER NOT NULL DEFAULT 0");
        AddColumnIfMissing("held_by", "INTEGER");
    }

    private void AddColumnIfMissing(string name, string type)
    {
        using var connection = _db.Connect();
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('outbox') WHERE name = $name";
        columns.Parameters.AddWithValue("$name", name);
        if (Convert.ToInt64(columns.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            using var add = connection.CreateCommand();
            add.CommandText = $"ALTER TABLE outbox ADD COLUMN {name} {type}";
            add.ExecuteNonQuery();
        }
    }
}
