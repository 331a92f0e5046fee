using System.Net;

namespace Tradeguard.Exchange.Client;

/// <summary>
/// HTTP 418: the exchange has banned this IP address for ignoring 429 responses. Every request stops until
/// <see cref="Until"/>; the runner stops trading and alerts. Exit code 6.
/// </summary>
public sealed class ExchangeBannedException : ExchangeApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="until">When the ban ends (from Retry-After).</param>
    public ExchangeBannedException(DateTimeOffset until)
        : base(0, (HttpStatusCode)418,
            $"the exchange has banned this IP address (HTTP 418) until {until:u} for exceeding its rate limits; " +
            "trading stopped. Wait for the ban to end, then lower the request rate before starting again.")
    {
        Until = until;
    }

    /// <summary>When the ban ends.</summary>
    public DateTimeOffset Until { get; }
}
