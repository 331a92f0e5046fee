namespace Tradeguard.Exchange.Client;

/// <summary>
/// The exchange's clock as seen from here: the offset (server minus local, milliseconds) measured from
/// <c>GET /api/v3/time</c>, assuming the server read its clock halfway through the round trip. Signed requests carry
/// <see cref="Now"/> as their <c>timestamp</c>. Thread-safe.
/// </summary>
public sealed class ServerClock
{
    private readonly TimeProvider time;
    private long offsetMs;

    /// <summary>Creates a clock with no offset measured yet.</summary>
    public ServerClock(TimeProvider? time = null) => this.time = time ?? TimeProvider.System;

    /// <summary>Server time minus local time, milliseconds.</summary>
    public long OffsetMs => Interlocked.Read(ref offsetMs);

    /// <summary>The round trip of the last measurement, milliseconds.</summary>
    public long LastRoundTripMs { get; private set; }

    /// <summary>The local clock, Unix milliseconds.</summary>
    public long LocalNow() => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The server's time now as estimated here, Unix milliseconds.</summary>
    public long Now() => LocalNow() + OffsetMs;

    /// <summary>
    /// Measures the offset with <paramref name="readServerTime"/> (which returns the server's Unix milliseconds)
    /// <paramref name="samples"/> times and keeps the sample with the shortest round trip (the least uncertain, as NTP
    /// does); returns the offset.
    /// </summary>
    public async Task<long> MeasureAsync(Func<CancellationToken, Task<long>> readServerTime, CancellationToken cancellationToken, int samples = 1)
    {
        var bestRoundTrip = long.MaxValue;
        var bestOffset = 0L;
        for (var i = 0; i < Math.Max(1, samples); i++)
        {
            var sent = LocalNow();
            var server = await readServerTime(cancellationToken).ConfigureAwait(false);
            var received = LocalNow();
            var roundTrip = received - sent;
            if (roundTrip < bestRoundTrip)
            {
                bestRoundTrip = roundTrip;
                bestOffset = server - (sent + (roundTrip / 2));
            }
        }

        LastRoundTripMs = bestRoundTrip;
        Interlocked.Exchange(ref offsetMs, bestOffset);
        return bestOffset;
    }
}
