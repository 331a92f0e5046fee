using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tradeguard.Exchange.Client;

namespace Tradeguard.Exchange.RateLimits;

/// <summary>
/// Keeps one client under the exchange's request-weight limit. Binance reports the weight used in the current minute
/// in the <c>X-MBX-USED-WEIGHT-1M</c> header; once it reaches <see cref="SlowDownAt"/> of the limit, requests wait for
/// the next minute. A 429 pauses every request for its <c>Retry-After</c>; a 418 (IP banned) stops every request
/// until the ban ends (Binance Spot API, "LIMITS"). Thread-safe.
/// </summary>
public sealed class RateLimitGate
{
    /// <summary>Header with the request weight used in the current minute.</summary>
    public const string UsedWeightHeader = "X-MBX-USED-WEIGHT-1M";

    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset bannedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset weightMinute = DateTimeOffset.MinValue;

    /// <summary>Creates a gate.</summary>
    /// <param name="weightLimitPerMinute">The exchange's request-weight limit per minute (Binance Spot: 6000).</param>
    /// <param name="slowDownAt">Fraction of the limit at which requests wait for the next minute, in (0, 1].</param>
    /// <param name="time">The clock (tests pass a fake one).</param>
    /// <param name="logger">Told when requests slow down or stop; never given a request's parameters.</param>
    public RateLimitGate(int weightLimitPerMinute = 6000, double slowDownAt = 0.8, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightLimitPerMinute);
        if (slowDownAt is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(slowDownAt), slowDownAt, "must be in (0, 1]");
        }

        WeightLimit = weightLimitPerMinute;
        SlowDownAt = slowDownAt;
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The request-weight limit per minute.</summary>
    public int WeightLimit { get; set; }

    /// <summary>Fraction of <see cref="WeightLimit"/> at which requests start waiting.</summary>
    public double SlowDownAt { get; }

    /// <summary>The weight the exchange last reported as used this minute.</summary>
    public int UsedWeight { get; private set; }

    /// <summary>How many times a request waited for the limit to reset.</summary>
    public int SlowDowns { get; private set; }

    /// <summary>
    /// Waits until a request may be sent: after any 429 pause, and after the minute's weight resets when it is near
    /// the limit. Throws at once while banned.
    /// </summary>
    /// <exception cref="ExchangeBannedException">The IP is banned (an earlier 418).</exception>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (bannedUntil > now)
            {
                throw new ExchangeBannedException(bannedUntil);
            }

            wait = pausedUntil > now ? pausedUntil - now : TimeSpan.Zero;
            if (UsedWeight >= WeightLimit * SlowDownAt && weightMinute == MinuteOf(now))
            {
                var nextMinute = weightMinute.AddMinutes(1);
                if (nextMinute - now > wait)
                {
                    wait = nextMinute - now;
                }

                SlowDowns++;
                logger.LogWarning("Request weight {Used} of {Limit} used this minute; waiting {Seconds:0.0} s for it to reset",
                    UsedWeight, WeightLimit, wait.TotalSeconds);
                UsedWeight = 0;
            }
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the used-weight header of a response.</summary>
    public void Observe(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues(UsedWeightHeader, out var values) &&
            int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var used))
        {
            lock (gate)
            {
                UsedWeight = used;
                weightMinute = MinuteOf(time.GetUtcNow());
            }
        }
    }

    /// <summary>A 429: pauses every request for <paramref name="retryAfter"/> (default 60 s when the header is absent); returns the pause.</summary>
    public TimeSpan OnTooManyRequests(TimeSpan? retryAfter)
    {
        var pause = retryAfter ?? TimeSpan.FromMinutes(1);
        lock (gate)
        {
            var until = time.GetUtcNow() + pause;
            if (until > pausedUntil)
            {
                pausedUntil = until;
            }
        }

        logger.LogWarning("The exchange answered 429 (too many requests); pausing every request for {Seconds:0.#} s", pause.TotalSeconds);
        return pause;
    }

    /// <summary>A 418: stops every request until the ban ends; returns the exception to throw.</summary>
    public ExchangeBannedException OnBanned(TimeSpan? retryAfter)
    {
        DateTimeOffset until;
        lock (gate)
        {
            until = time.GetUtcNow() + (retryAfter ?? TimeSpan.FromMinutes(2));
            if (until > bannedUntil)
            {
                bannedUntil = until;
            }

            until = bannedUntil;
        }

        logger.LogCritical("The exchange banned this IP address (HTTP 418) until {Until:u}; no request is sent until then", until);
        return new ExchangeBannedException(until);
    }

    private static DateTimeOffset MinuteOf(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);
}
