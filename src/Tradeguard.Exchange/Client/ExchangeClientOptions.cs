using System.Net;
using Tradeguard.Core.Errors;

namespace Tradeguard.Exchange.Client;

/// <summary>Where the exchange is and how the client talks to it.</summary>
public sealed record ExchangeClientOptions
{
    /// <summary>Binance Spot's production REST endpoint.</summary>
    public static readonly Uri BinanceSpot = new("https://api.binance.com/");

    /// <summary>The REST base address: <c>https://</c>, or <c>http://</c> on a loopback address only (the sandbox).</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The vault item holding the key pair (<c>vault://&lt;exchange&gt;/api_key</c>), named when the exchange refuses the key.</summary>
    public string Exchange { get; init; } = "binance";

    /// <summary>How long after its timestamp a signed request stays valid, milliseconds (Binance: default 5000, at most 60000).</summary>
    public int RecvWindowMs { get; init; } = 5000;

    /// <summary>Request-weight limit per minute until exchangeInfo says otherwise (Binance Spot: 6000).</summary>
    public int WeightLimitPerMinute { get; init; } = 6000;

    /// <summary>Fraction of the weight limit at which requests wait for the next minute.</summary>
    public double SlowDownAt { get; init; } = 0.8;

    /// <summary>How many times one request is repeated after a 429 before giving up (exit 6).</summary>
    public int MaxRateLimitRetries { get; init; } = 3;

    /// <summary>Retries of idempotent requests (GET) after a transport failure or a 5xx; orders are never retried.</summary>
    public int MaxTransientRetries { get; init; } = 3;

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True when <see cref="BaseAddress"/> is a loopback address (the local sandbox).</summary>
    public bool IsLoopback => BaseAddress.IsLoopback || (IPAddress.TryParse(BaseAddress.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Checks the settings.</summary>
    /// <exception cref="TradeguardException">Exit 5: plain http to a non-loopback host, or recvWindow outside 1–60000 ms.</exception>
    public void Validate()
    {
        if (BaseAddress.Scheme != Uri.UriSchemeHttps && !(BaseAddress.Scheme == Uri.UriSchemeHttp && IsLoopback))
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"refusing exchange endpoint {BaseAddress.GetLeftPart(UriPartial.Authority)}: API keys and orders must travel over https:// (plain http:// is allowed only to a loopback address such as the local sandbox)");
        }

        if (RecvWindowMs is < 1 or > 60000)
        {
            throw new TradeguardException(ExitCode.Configuration, $"recvWindow must be 1 to 60000 ms (got {RecvWindowMs})");
        }
    }
}
