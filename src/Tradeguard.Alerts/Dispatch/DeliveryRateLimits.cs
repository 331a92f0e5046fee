namespace Tradeguard.Alerts.Dispatch;

/// <summary>
/// The token buckets a message must pass before it is sent: one per chat, one more per group chat, one overall
/// (<see cref="DispatchOptions"/>). A message takes a token from every bucket that applies, or from none.
/// </summary>
internal sealed class DeliveryRateLimits : IDisposable
{
    private readonly DispatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ClockTokenBucket _overall;
    private readonly Dictionary<string, ClockTokenBucket> _perChat = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClockTokenBucket> _perGroup = new(StringComparer.Ordinal);

    public DeliveryRateLimits(DispatchOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _overall = new ClockTokenBucket(options.OverallPerSecond, options.OverallPerSecond, TimeSpan.FromSeconds(1), time);
    }

    /// <summary>Takes the tokens for one message to <paramref name="chatKey"/>, or says when to try again.</summary>
    public bool TryTake(string chatKey, bool isGroup, out DateTimeOffset retryAt)
    {
        var buckets = new List<ClockTokenBucket>(3) { _overall, PerChat(chatKey) };
        if (isGroup)
        {
            buckets.Add(PerGroup(chatKey));
        }

        // All or none: a token bucket's lease gives nothing back on release, so look before taking.
        var blocked = buckets.Where(b => b.GetStatistics()!.CurrentAvailablePermits < 1).ToList();
        if (blocked.Count > 0)
        {
            retryAt = blocked.Max(b => b.NextTokenAt);
            return false;
        }

        foreach (var bucket in buckets)
        {
            using var lease = bucket.AttemptAcquire(1);
        }

        retryAt = _time.GetUtcNow();
        return true;
    }

    public void Dispose()
    {
        _overall.Dispose();
        foreach (var bucket in _perChat.Values.Concat(_perGroup.Values))
        {
            bucket.Dispose();
        }
    }

    private ClockTokenBucket PerChat(string key)
    {
        if (!_perChat.TryGetValue(key, out var bucket))
        {
            // Whole messages per period: 1/s stays 1 per 1 s; 0.5/s becomes 1 per 2 s.
            var period = TimeSpan.FromSeconds(1 / _options.PerChatPerSecond);
            bucket = _perChat[key] = new ClockTokenBucket(1, 1, period, _time);
        }

        return bucket;
    }

    private ClockTokenBucket PerGroup(string key)
    {
        if (!_perGroup.TryGetValue(key, out var bucket))
        {
            // One token per (60 s / limit): spread evenly, so no sliding minute can hold more than the limit.
            bucket = _perGroup[key] = new ClockTokenBucket(1, 1, TimeSpan.FromMinutes(1) / _options.PerGroupPerMinute, _time);
        }

        return bucket;
    }
}
