using Tradeguard.Core.Secrets;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// What <c>tradeguard exec --bot NAME</c> puts in the bot's environment, and nothing more: the gateway's REST base
/// URL, the bot's local key pair (valid only against this gateway) and the channel address. No real exchange key and
/// no Telegram token ever appear here; the Python client (<c>clients/python/tradeguard_client.py</c>) reads these names.
/// </summary>
public static class BotEnvironment
{
    /// <summary>The gateway's REST base URL, e.g. <c>http://127.0.0.1:8765</c>.</summary>
    public const string UrlVariable = "TRADEGUARD_GATEWAY_URL";

    /// <summary>The bot's local API key (sent as <c>X-MBX-APIKEY</c>).</summary>
    public const string ApiKeyVariable = "TRADEGUARD_GATEWAY_API_KEY";

    /// <summary>The bot's local API secret (signs its requests).</summary>
    public const string ApiSecretVariable = "TRADEGUARD_GATEWAY_API_SECRET";

    /// <summary>The channel address: <c>unix:</c> and the socket path.</summary>
    public const string ChannelVariable = "TRADEGUARD_GATEWAY_CHANNEL";

    /// <summary>The two addresses: not secret, so set as they are (not registered with the redactor).</summary>
    /// <param name="gatewayUrl">The base URL bots use (from the gateway config).</param>
    /// <param name="channelAddress">The channel address (<see cref="ChannelOptions.Address"/>).</param>
    public static IReadOnlyDictionary<string, string> Addresses(Uri gatewayUrl, string channelAddress)
    {
        ArgumentNullException.ThrowIfNull(gatewayUrl);
        ArgumentNullException.ThrowIfNull(channelAddress);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [UrlVariable] = gatewayUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'),
            [ChannelVariable] = channelAddress,
        };
    }

    /// <summary>The bot's key pair under its variable names; the caller owns (and disposes) the secrets.</summary>
    public static IReadOnlyDictionary<string, Secret> Key(Secret apiKey, Secret apiSecret)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        ArgumentNullException.ThrowIfNull(apiSecret);
        return new Dictionary<string, Secret>(StringComparer.Ordinal)
        {
            [ApiKeyVariable] = apiKey,
            [ApiSecretVariable] = apiSecret,
        };
    }
}
