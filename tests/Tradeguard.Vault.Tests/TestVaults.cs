using Tradeguard.Core.Secrets;
using Tradeguard.TestSupport;
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

    /// <summary>
    /// Gives the empty folder <paramref name="home"/> what <c>tradeguard vault init --kdf m=256,t=1,p=1</c> with
    /// <see cref="Passphrase"/> makes there (vault, backup, audit log): made by the CLI once per test run, then copied.
    /// </summary>
    public static void InitHome(string home) => HomeTemplate.CopyTo("vault-init", made =>
        Assert.Equal(0, TradeguardCli.Run(["vault", "init", "--kdf", CheapKdfFlag], null, CliEnvironment(made)).ExitCode), home);

    /// <summary>The environment of a CLI test on the installation in <paramref name="home"/>: its vault (nothing from the
    /// test runner's own environment), unlocked with <see cref="Passphrase"/>.</summary>
    public static Dictionary<string, string?> CliEnvironment(string home) => new()
    {
        ["TRADEGUARD_HOME"] = home,
        ["TRADEGUARD_VAULT"] = null,
        ["TRADEGUARD_VAULT_KEY"] = null,
        ["TRADEGUARD_VAULT_PASSWORD"] = Passphrase,
    };

    public static VaultCredential Pass(string text = Passphrase)
    {
        using var secret = Secret.FromString(text);
        return VaultCredential.Passphrase(secret);
    }

    public static VaultStore Create(string path, string passphrase = Passphrase, VaultOptions? options = null)
    {
        using var credential = Pass(passphrase);
        return VaultStore.Create(path, credential, options ?? Options);
    }

    public static VaultStore Open(string path, string passphrase = Passphrase, VaultOptions? options = null)
    {
        using var credential = Pass(passphrase);
        return VaultStore.Open(path, credential, options ?? Options);
    }

    public static void Set(this VaultStore vault, string item, string field, string value)
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
