namespace Tradeguard.Alerts.Dispatch;

/// <summary>
/// The limits a send must pass before it starts (<see cref="DispatchOptions"/>): overall, at most
/// <see cref="DispatchOptions.OverallPerSecond"/> arrivals in any sliding second (widened by
/// <see cref="DispatchOptions.WindowGuard"/>; <see cref="SlidingWindowLimit"/>); per chat, one send at a time and the next one no sooner than
/// <c>1 / PerChatPerSecond</c> after the previous one's answer arrived; per group chat, one token per
/// <c>60 s / PerGroupPerMinute</c> on top. A send takes from every limit that applies, or from none.
/// </summary>
/// <remarks>
/// Measuring a chat's spacing from the previous answer, not the previous start, makes it hold whatever the network
/// does: the service saw the previous message no later than its answer came back, and sees the next one no sooner than
/// it is sent. The overall limit cannot wait for answers without capping throughput at <c>limit / (1 s + round
/// trip)</c>, so it estimates each arrival from its start and answer, and the guard absorbs what the estimate misses.
/// Not thread-safe: called from the dispatcher's one loop.
/// </remarks>
internal sealed class DeliveryRateLimits : IDisposable
{
    private readonly DispatchOptions _options;
    private readonly TimeProvider _time;
    private readonly SlidingWindowLimit _overall;
    private readonly Dictionary<string, DateTimeOffset> _chatFreeAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClockTokenBucket> _perGroup = new(StringComparer.Ordinal);

    public DeliveryRateLimits(DispatchOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _overall = new SlidingWindowLimit(options.OverallPerSecond, TimeSpan.FromSeconds(1) + options.WindowGuard);
    }

    /// <summary>Takes what one send to <paramref name="chatKey"/> needs, or says when to try again (never while a send
    /// to that chat is in flight: <see cref="DateTimeOffset.MaxValue"/> until <see cref="Completed"/>).</summary>
    public bool TryTake(string chatKey, bool isGroup, out DateTimeOffset retryAt)
    {
        var now = _time.GetUtcNow();
        retryAt = now;
        if (_chatFreeAt.TryGetValue(chatKey, out var free) && free > now)
        {
            retryAt = free;
        }

        var group = isGroup ? PerGroup(chatKey) : null;
        if (group is not null && group.GetStatistics()!.CurrentAvailablePermits < 1 && group.NextTokenAt > retryAt)
        {
            retryAt = group.NextTokenAt;
        }

        if (!_overall.CanTake(now, out var overallAt) && overallAt > retryAt)
        {
            retryAt = overallAt;
        }

        if (retryAt > now)
        {
            return false;
        }

        _overall.Take(chatKey, now);
        using (group?.AttemptAcquire(1))
        {
        }

        // Until Completed, the chat is busy: the dispatcher keeps one send in flight per chat.
        _chatFreeAt[chatKey] = DateTimeOffset.MaxValue;
        return true;
    }

    /// <summary>The request to <paramref name="chatKey"/> leaves now (its slot was taken by <see cref="TryTake"/>).</summary>
    public void Started(string chatKey) => _overall.Take(chatKey, _time.GetUtcNow());

    /// <summary>The send to <paramref name="chatKey"/> has its answer (or gave up waiting: <paramref name="answered"/>
    /// false): the chat's spacing runs from now, and the overall slot from when the message arrived at the latest.</summary>
    public void Completed(string chatKey, bool answered)
    {
        _overall.Complete(chatKey, _time.GetUtcNow(), answered);
        _chatFreeAt[chatKey] = _time.GetUtcNow() + TimeSpan.FromSeconds(1 / _options.PerChatPerSecond);
    }

    public void Dispose()
    {
        foreach (var bucket in _perGroup.Values)
        {
            bucket.Dispose();
        }
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
