namespace Tradeguard.Alerts.Dispatch;

/// <summary>
/// At most <c>limit</c> messages reach the service within any <c>window</c>, the first window included: a sliding-window
/// log in which each send holds a slot from its start until one window after the latest moment it can have arrived.
/// No initial burst beyond the limit, and no boundary where two fixed windows add up to twice the limit.
/// </summary>
/// <remarks>
/// <para>While a send is in flight its slot is held (its arrival is not known yet). Once its answer comes, its arrival
/// is taken as <c>max(start, answer − fastest round trip seen)</c>: a request held up on our side (a new connection, a
/// busy thread pool) arrives late, and its answer comes back late by as much, whereas the service's own time and the way
/// back are at least what the fastest exchange took. A send that got no answer holds its slot one window past the moment
/// the dispatcher gave up on it. Counting from starts alone let a burst whose requests were delayed on the way overlap
/// the next window (measured: 5 refusals per 120 messages against a strict fake).</para>
/// <para>Not thread-safe: the dispatcher calls it from its one dispatch loop.</para>
/// </remarks>
internal sealed class SlidingWindowLimit(int limit, TimeSpan window)
{
    private readonly List<DateTimeOffset> _expiries = [];
    private readonly Dictionary<string, DateTimeOffset> _inFlight = new(StringComparer.Ordinal);
    private TimeSpan _fastestRoundTrip = TimeSpan.MaxValue;
    private int _answers;

    /// <summary>True when a send may start at <paramref name="now"/>; otherwise <paramref name="retryAt"/> is when a
    /// slot frees (<see cref="DateTimeOffset.MaxValue"/> when every slot waits for an answer).</summary>
    public bool CanTake(DateTimeOffset now, out DateTimeOffset retryAt)
    {
        _expiries.RemoveAll(e => e <= now);
        var ok = _expiries.Count + _inFlight.Count < limit;
        retryAt = ok ? now : _expiries.Count > 0 ? _expiries.Min() : DateTimeOffset.MaxValue;
        return ok;
    }

    /// <summary>Records a send to <paramref name="key"/> starting at <paramref name="now"/> (after <see cref="CanTake"/> said
    /// yes); called again when the request really leaves, so that work in between (a commit) is not taken for network time.</summary>
    public void Take(string key, DateTimeOffset now) => _inFlight[key] = now;

    /// <summary>The send to <paramref name="key"/> ended at <paramref name="now"/>; <paramref name="answered"/> is false
    /// when no answer came (timeout, dropped connection).</summary>
    public void Complete(string key, DateTimeOffset now, bool answered)
    {
        if (!_inFlight.Remove(key, out var start))
        {
            return;
        }

        var arrivedBy = now;
        if (answered)
        {
            var roundTrip = now - start;
            _fastestRoundTrip = roundTrip < _fastestRoundTrip ? roundTrip : _fastestRoundTrip;
            // The first window's answers all carry connection set-up and the service's warm-up, so their fastest round
            // trip overstates the way back and would date arrivals too early: until a window's worth of answers has
            // been seen, a message is taken to arrive when its answer came.
            if (++_answers > limit)
            {
                var estimate = now - _fastestRoundTrip;
                arrivedBy = estimate > start ? estimate : start;
            }
        }

        _expiries.Add(arrivedBy + window);
    }
}
