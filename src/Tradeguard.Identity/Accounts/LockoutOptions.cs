namespace Tradeguard.Identity.Accounts;

/// <summary>
/// When repeated failures lock a name. The <see cref="MaxFailures"/>-th consecutive failure locks it for
/// <see cref="BaseDelay"/>; each further failure after the lock ends doubles the delay, up to <see cref="MaxDelay"/>.
/// A successful login (password and second factor) resets the count.
/// </summary>
public sealed record LockoutOptions
{
    /// <summary>5 failures, 1 minute doubling up to 1 hour.</summary>
    public static LockoutOptions Default { get; } = new();

    /// <summary>Consecutive failures (wrong password or wrong second factor) that lock the name; at least 1.</summary>
    public int MaxFailures { get; init; } = 5;

    /// <summary>The first lock's length.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest lock.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The lock length after <paramref name="failures"/> consecutive failures (zero below the limit).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures < MaxFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - MaxFailures, 30);
        var delay = BaseDelay * Math.Pow(2, doublings);
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
