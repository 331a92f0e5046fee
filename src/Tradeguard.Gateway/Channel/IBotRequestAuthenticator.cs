using Tradeguard.Exchange.Sandbox;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// Tells which bot signed a channel request: the same check the gateway's REST side makes (<c>X-MBX-APIKEY</c>,
/// <c>timestamp</c>, <c>recvWindow</c>, HMAC-SHA256 <c>signature</c>, replay refused).
/// </summary>
public interface IBotRequestAuthenticator
{
    /// <summary>Authenticates one request.</summary>
    /// <param name="apiKey">The <c>X-MBX-APIKEY</c> header, or null when absent.</param>
    /// <param name="request">The request's parameters and signed payload.</param>
    /// <returns>The bot's name, or the Binance-shaped error to answer with.</returns>
    BotAuthentication Authenticate(string? apiKey, ChannelRequest request);
}

/// <summary>The outcome of <see cref="IBotRequestAuthenticator.Authenticate"/>: a bot, or an error.</summary>
/// <param name="Bot">The authenticated bot's name; null when refused.</param>
/// <param name="Error">Why it was refused; null when authenticated.</param>
public sealed record BotAuthentication(string? Bot, SandboxError? Error)
{
    /// <summary>An authenticated bot.</summary>
    public static BotAuthentication Accepted(string bot) => new(bot, null);

    /// <summary>A refusal.</summary>
    public static BotAuthentication Refused(SandboxError error) => new(null, error);
}
