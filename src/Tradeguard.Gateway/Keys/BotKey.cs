using Tradeguard.Core.Secrets;

namespace Tradeguard.Gateway.Keys;

/// <summary>
/// One bot's local key pair: the bot signs with it exactly as it would sign for Binance, and the gateway checks it.
/// It opens nothing at the exchange. Dispose to zero the secret.
/// </summary>
/// <param name="Bot">The bot's name (<see cref="BotName"/>).</param>
/// <param name="ApiKey">The key the bot sends in <c>X-MBX-APIKEY</c>: 64 CSPRNG letters and digits, like a Binance key.</param>
/// <param name="ApiSecret">The secret the bot signs with: 64 CSPRNG letters and digits.</param>
public sealed record BotKey(string Bot, string ApiKey, Secret ApiSecret) : IDisposable
{
    /// <summary>The key as it may be shown: first4…last4.</summary>
    public string MaskedKey => SecretMask.Mask(ApiKey);

    /// <summary>Zeroes the secret.</summary>
    public void Dispose() => ApiSecret.Dispose();

    /// <summary>The bot and the masked key only.</summary>
    public override string ToString() => $"{Bot} ({MaskedKey})";
}
