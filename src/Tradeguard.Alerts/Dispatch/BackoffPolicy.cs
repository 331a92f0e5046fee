namespace Tradeguard.Alerts.Dispatch;

/// <summary>
/// Exponential backoff after a timeout, a connection failure or a 5xx: <c>initial × 2^(failures−1)</c>, capped at the
/// maximum. Deterministic (no jitter): one dispatcher sends per chat in order, so there is no herd to spread.
/// </summary>
public static class BackoffPolicy
{
    /// <summary>The wait after the <paramref name="failures"/>-th consecutive failure (1 or more).</summary>
    public static TimeSpan Delay(int failures, TimeSpan initial, TimeSpan max)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min((double)initial.Ticks * Math.Pow(2, exponent), max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
