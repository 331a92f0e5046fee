namespace Tradeguard.Identity.Accounts;

/// <summary>
/// Counts consecutive authentication failures per name — existing or not, so an unknown name behaves exactly like
/// a real one — and locks the name per <see cref="LockoutOptions"/>.
/// </summary>
internal sealed class LoginThrottle(IdentityDatabase db, LockoutOptions options, TimeProvider time)
{
    public LockoutOptions Options => options;

    /// <summary>The end of the current lock, or null when <paramref name="name"/> is not locked now.</summary>
    public DateTimeOffset? LockedUntil(string name)
    {
        var until = db.Scalar<long?>("SELECT locked_until FROM login_throttle WHERE name = $n", ("$n", name));
        return until is { } ms && ms > time.GetUtcNow().ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>Counts one failure; returns the end of the lock it starts, or null when it starts none.</summary>
    public DateTimeOffset? RecordFailure(string name)
    {
        using var connection = db.Connect();
        using var tx = connection.BeginTransaction();
        using var read = IdentityDatabase.Command(connection, "SELECT failures FROM login_throttle WHERE name = $n", ("$n", name));
        read.Transaction = tx;
        var failures = Convert.ToInt32(read.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture) + 1;
        var delay = options.DelayAfter(failures);
        var now = time.GetUtcNow();
        var until = delay > TimeSpan.Zero ? now + delay : (DateTimeOffset?)null;
        using var write = IdentityDatabase.Command(connection,
            "INSERT INTO login_throttle (name, failures, locked_until) VALUES ($n, $f, $u) " +
            "ON CONFLICT (name) DO UPDATE SET failures = $f, locked_until = $u",
            ("$n", name), ("$f", failures), ("$u", until?.ToUnixTimeMilliseconds() ?? 0L));
        write.Transaction = tx;
        write.ExecuteNonQuery();
        tx.Commit();
        return until;
    }

    /// <summary>Clears the count after a complete successful login.</summary>
    public void Reset(string name) => db.Execute("DELETE FROM login_throttle WHERE name = $n", ("$n", name));
}
