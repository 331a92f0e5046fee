using Tradeguard.Core.Secrets;

namespace Tradeguard.Exchange.Sandbox;

/// <summary>One API key the sandbox accepts, with the restrictions it reports for it.</summary>
/// <param name="Item">The vault item holding it (<c>vault://&lt;item&gt;/api_key</c>).</param>
/// <param name="ApiKey">The key (64 letters and digits, like Binance's).</param>
/// <param name="ApiSecret">The secret that signs requests.</param>
/// <param name="Withdrawals">Reported as withdrawal-enabled (to test that clients refuse such keys).</param>
/// <param name="IpRestricted">Reported as IP-restricted (sandbox keys work from loopback only, so true unless asked otherwise).</param>
public sealed record SandboxKey(string Item, string ApiKey, Secret ApiSecret, bool Withdrawals, bool IpRestricted)
{
    /// <summary>The item and masked key only.</summary>
    public override string ToString() => $"{Item} ({SecretMask.Mask(ApiKey)})";
}
