using System.Threading.RateLimiting;

namespace Tradeguard.Alerts.Dispatch;

/// <summary>
/// A token bucket in the System.Threading.RateLimiting model (<see cref="ReplenishingRateLimiter"/>, leases with
/// <see cref="MetadataName.RetryAfter"/>) whose clock is a <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// The library's own <see cref="TokenBucketRateLimiter"/> reads <c>Stopwatch</c> even with
/// <c>AutoReplenishment = false</c> (checked against 10.0.15: <c>TryReplenish</c> adds nothing until real time has
/// passed, then fills in proportion to it), so it cannot follow the fake clock the dispatcher's tests run on.
/// Tokens are whole: <c>tokensPerPeriod</c> arrive at the end of each full period, up to <c>tokenLimit</c>; a full
/// bucket earns nothing while it waits, so one token per 3 s never lets a sliding minute hold more than 20 takes.
/// </remarks>
internal sealed class ClockTokenBucket : ReplenishingRateLimiter
{
    private readonly TimeProvider _time;
    private readonly int _tokenLimit;
    private readonly int _tokensPerPeriod;
    private readonly TimeSpan _period;
    private readonly Lock _gate = new();
    private int _tokens;
    private DateTimeOffset _periodStart;
    private long _successful;
    private long _failed;

    public ClockTokenBucket(int tokenLimit, int tokensPerPeriod, TimeSpan period, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokensPerPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _time = time;
        _tokenLimit = tokenLimit;
        _tokensPerPeriod = tokensPerPeriod;
        _period = period;
        _tokens = tokenLimit;
        _periodStart = time.GetUtcNow();
    }

    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => _period;

    public override TimeSpan? IdleDuration => null;

    /// <summary>When the next token arrives (now, if one is available).</summary>
    public DateTimeOffset NextTokenAt
    {
        get
        {
            lock (_gate)
            {
                Replenish();
                return _tokens > 0 ? _time.GetUtcNow() : _periodStart + _period;
            }
        }
    }

    public override bool TryReplenish()
    {
        lock (_gate)
        {
            return Replenish();
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Replenish();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _tokens,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _tokenLimit);
        lock (_gate)
        {
            Replenish();
            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                _successful++;
                return BucketLease.Acquired;
            }

            _failed++;
            var periodsNeeded = (permitCount - _tokens + _tokensPerPeriod - 1) / _tokensPerPeriod;
            return new BucketLease(false, _periodStart + (_period * periodsNeeded) - _time.GetUtcNow());
        }
    }

    // No queue: the dispatcher never waits inside the limiter, it comes back when the lease says.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private bool Replenish()
    {
        var now = _time.GetUtcNow();
        var added = false;
        if (now - _periodStart >= _period)
        {
            var periods = (now - _periodStart).Ticks / _period.Ticks;
            _tokens = (int)Math.Min(_tokenLimit, _tokens + (periods * _tokensPerPeriod));
            _periodStart += TimeSpan.FromTicks(_period.Ticks * periods);
            added = true;
        }

        if (_tokens >= _tokenLimit)
        {
            _periodStart = now;
        }

        return added;
    }

    private sealed class BucketLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static BucketLease Acquired { get; } = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } r && metadataName == MetadataName.RetryAfter.Name ? r : null;
            return metadata is not null;
        }
    }
}
