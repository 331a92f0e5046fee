// Usage: Tradeguard.Vault.Writer VAULT ITEM FIRST COUNT   (key from $TRADEGUARD_VAULT_KEY)
// Saves field f<N> = "value-<N>" for N in FIRST..FIRST+COUNT-1, one save each, printing "saved N" after each
// save returns, so a test that kills this process knows which saves were acknowledged.
using Tradeguard.Core.Secrets;
using Tradeguard.Vault;

var (path, item, first, count) = (args[0], args[1], int.Parse(args[2]), int.Parse(args[3]));
using var key = VaultKeyFile.Parse(System.Text.Encoding.ASCII.GetBytes(Environment.GetEnvironmentVariable("TRADEGUARD_VAULT_KEY")!), "key");
using var credential = VaultCredential.Key(key);
using var vault = Vault.Open(path, credential);
Console.Out.WriteLine("ready");
Console.Out.Flush();
for (var n = first; n < first + count; n++)
{
    using var value = Secret.FromString($"value-{n}");
    vault.Set(new SecretReference(item, $"f{n}"), value);
    Console.Out.WriteLine($"saved {n}");
    Console.Out.Flush();
}

return 0;
