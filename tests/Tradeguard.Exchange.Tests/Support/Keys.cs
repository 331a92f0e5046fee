using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Exchange.Signing;

namespace Tradeguard.Exchange.Tests.Support;

/// <summary>Key pairs for tests: made by the sandbox's own key maker into an in-memory vault.</summary>
public static class Keys
{
    public static (TestSupport.InMemorySecretStore Store, SandboxKey Key) Create(string item = "sandbox", bool withdrawals = false, bool ipRestricted = true)
    {
        var store = new TestSupport.InMemorySecretStore();
        var key = SandboxKeyring.Create(store, item, withdrawals, ipRestricted);
        return (store, key);
    }

    public static ApiCredentials Credentials(SandboxKey key) =>
        ApiCredentials.From(Secret.FromString(key.ApiKey), Secret.FromBytes(key.ApiSecret.Use(b => b.ToArray())));
}
