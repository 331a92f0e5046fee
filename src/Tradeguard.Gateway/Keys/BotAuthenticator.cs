using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Binance;

namespace Tradeguard.Gateway.Keys;

/// <summary>
/// Authenticates a bot's signed request the way Binance authenticates a client (<see cref="BinanceRequestCheck"/>:
/// key known, recvWindow, timestamp, HMAC-SHA256 over query and body compared in constant time), and in addition
/// refuses a replay: a signature already accepted within its recvWindow. The REST surface and the bot channel use this
/// one check. Errors are Binance's: -2014 (no key), -2015 (unknown key), -1022 (bad signature), -1021 (stale or
/// ahead), -1102/-1131 (missing or bad parameters), and -1022 with a replay message for a replay (Binance has no code of its own for it).
/// </summary>
/// <remarks>
/// Thread-safe. Owns the bot keys it is given and zeroes them on <see cref="Dispose"/>. <see cref="Revoke"/> takes a
/// bot's key out at once: requests are checked against an immutable map that is replaced whole, so a request sees the
/// key either before or after the revocation, never half of it.
/// </remarks>
public sealed class BotAuthenticator : IDisposable
{
    /// <summary>The answer to a replayed request: the signature was already used.</summary>
    public static readonly BinanceError Replayed = new(-1022, 400, "Signature for this request is not valid: this signed request was already used (replay refused).");

    /// <summary>The answer when the replay cache is full: try again shortly.</summary>
    public static readonly BinanceError Busy = new(-1003, 429, "Too many signed requests in flight; try again in a few seconds.");

    private readonly Lock _revoking = new();
    private readonly List<BotKey> _owned;
    private volatile Dictionary<string, BotKey> _byApiKey;
    private readonly ReplayCache _replays;
    private readonly TimeProvider _time;

    /// <summary>Creates the authenticator for <paramref name="keys"/> (one per bot).</summary>
    public BotAuthenticator(IEnumerable<BotKey> keys, TimeProvider? time = null, ReplayCache? replays = null)
    {
        _owned = [.. keys];
        _byApiKey = _owned.ToDictionary(k => k.ApiKey, StringComparer.Ordinal);
        _time = time ?? TimeProvider.System;
        _replays = replays ?? new ReplayCache();
    }

    /// <summary>Authenticates <paramref name="request"/> sent with <paramref name="apiKey"/> (the <c>X-MBX-APIKEY</c> header).</summary>
    /// <returns>The bot's name, or the Binance error to answer with (and the masked key, for the audit record).</returns>
    public BotAuthentication Authenticate(string? apiKey, BinanceRequest request)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return new BotAuthentication(null, BinanceErrors.ApiKeyFormat, "(none)");
        }

        var masked = SecretMask.Mask(apiKey);
        if (!_byApiKey.TryGetValue(apiKey, out var key))
        {
            return new BotAuthentication(null, BinanceErrors.RejectedKey, masked);
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var (error, timestamp, recvWindow) = BinanceRequestCheck.Check(key.ApiSecret, request, now);
        if (error is not null)
        {
            return new BotAuthentication(key.Bot, error, masked) { KeyKnown = true };
        }

        return _replays.TryAdd(request.Signature!, timestamp + recvWindow, now) switch
        {
            ReplayCache.Result.Fresh => new BotAuthentication(key.Bot, null, masked) { KeyKnown = true },
            ReplayCache.Result.Replayed => new BotAuthentication(key.Bot, Replayed, masked) { KeyKnown = true },
            _ => new BotAuthentication(key.Bot, Busy, masked) { KeyKnown = true },
        };
    }

    /// <summary>The bot whose key is <paramref name="apiKey"/> (no signature checked: for naming a refused request only), or null.</summary>
    public string? BotOf(string? apiKey) => apiKey is not null && _byApiKey.TryGetValue(apiKey, out var key) ? key.Bot : null;

    /// <summary>
    /// Refuses <paramref name="bot"/>'s key from the next request on (-2015, as an unknown key). Its secret is zeroed on
    /// <see cref="Dispose"/>, not here, because a request admitted a moment earlier may still be checking its signature.
    /// </summary>
    /// <returns>True when the bot had a key here.</returns>
    public bool Revoke(string bot)
    {
        lock (_revoking)
        {
            var current = _byApiKey;
            var kept = current.Where(entry => entry.Value.Bot != bot).ToDictionary(StringComparer.Ordinal);
            if (kept.Count == current.Count)
            {
                return false;
            }

            _byApiKey = kept;
            return true;
        }
    }

    /// <summary>Zeroes every bot secret, revoked ones included.</summary>
    public void Dispose()
    {
        foreach (var key in _owned)
        {
            key.Dispose();
        }
    }
}

/// <summary>The outcome of <see cref="BotAuthenticator.Authenticate"/>.</summary>
/// <param name="Bot">The bot the key belongs to (also set when its signature failed); null for an unknown key.</param>
/// <param name="Error">Null when authenticated; else Binance's error.</param>
/// <param name="MaskedKey">The key as it may be logged: first4…last4.</param>
public sealed record BotAuthentication(string? Bot, BinanceError? Error, string MaskedKey)
{
    /// <summary>True when the key belongs to a bot (even if the request then failed).</summary>
    public bool KeyKnown { get; init; }

    /// <summary>True when the request is authenticated.</summary>
    public bool Succeeded => Error is null && Bot is not null;
}
