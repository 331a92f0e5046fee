using Tradeguard.Core.Secrets;
using Tradeguard.Vault;
using Tradeguard.Vault.Crypto;

namespace Tradeguard.Vault.Tests;

/// <summary>Vaults with cheap KDF parameters, so the suite stays fast; only the vector tests use the defaults.</summary>
internal static class TestVaults
{
    public const string Passphrase = "correct horse battery staple";
    public static readonly KdfParameters CheapKdf = new(256, 1, 1);
    public static readonly VaultOptions Options = new() { Kdf = CheapKdf };

    /// <summary>The KDF flag for CLI tests: the same cheap cost.</summary>
    public const string CheapKdfFlag = "m=256,t=1,p=1";

    public static VaultCredential Pass(string text = Passphrase)
    {
        using var secret = Secret.FromString(text);
        return VaultCredential.Passphrase(secret);
    }

    public static Vault Create(string path, string passphrase = Passphrase, VaultOptions? options = null)
    {
        using var credential = Pass(passphrase);
        return Vault.Create(path, credential, options ?? Options);
    }

    public static Vault Open(string path, string passphrase = Passphrase, VaultOptions? options = null)
    {
        using var credential = Pass(passphrase);
        return Vault.Open(path, credential, options ?? Options);
    }

    public static void Set(this Vault vault, string item, string field, string value)
    {
        using var secret = Secret.FromString(value);
        vault.Set(new SecretReference(item, field), secret);
    }

    public static string? Get(this ISecretStore store, string item, string field)
    {
        using var secret = store.TryGet(new SecretReference(item, field));
        return secret?.Reveal();
    }
}
