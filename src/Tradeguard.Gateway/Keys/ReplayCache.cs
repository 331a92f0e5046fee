namespace Tradeguard.Gateway.Keys;

/// <summary>
/// Signatures already accepted, each kept until its request's recvWindow has passed (after that the timestamp check
/// refuses the request anyway). Bounded: when <see cref="Capacity"/> live entries are held, new requests are refused
/// rather than old entries dropped, since dropping one would let its request be replayed. Thread-safe.
/// </summary>
/// <param name="capacity">Most signatures held at once (at 60 s recvWindow, 100,000 is over 1,600 signed requests a second).</param>
public sealed class ReplayCache(int capacity = 100_000)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly PriorityQueue<string, long> _expiry = new();

    /// <summary>Most signatures held at once.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>How many are held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>Outcome of <see cref="TryAdd"/>.</summary>
    public enum Result
    {
        /// <summary>First use: recorded.</summary>
        Fresh,

        /// <summary>Seen before within its window: a replay.</summary>
        Replayed,

        /// <summary>The cache is full of live entries.</summary>
        Full,
    }

    /// <summary>Records <paramref name="signature"/> until <paramref name="expiresAtMs"/> (Unix ms), after dropping entries expired at <paramref name="nowMs"/>.</summary>
    public Result TryAdd(string signature, long expiresAtMs, long nowMs)
    {
        lock (_gate)
        {
            while (_expiry.TryPeek(out var old, out var at) && at < nowMs)
            {
                _expiry.Dequeue();
                _seen.Remove(old);
            }

            if (_seen.Contains(signature))
            {
                return Result.Replayed;
            }

            if (_seen.Count >= Capacity)
            {
                return Result.Full;
            }

            _seen.Add(signature);
            _expiry.Enqueue(signature, expiresAtMs);
            return Result.Fresh;
        }
    }
}
