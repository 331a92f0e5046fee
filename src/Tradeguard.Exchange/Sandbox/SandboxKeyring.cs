using System.Security.Cryptography;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Signing;

namespace Tradeguard.Exchange.Sandbox;

/// <summary>
/// The sandbox's API keys, kept in the vault: each key is an item with <c>api_key</c>, <c>api_secret</c> and
/// <c>sandbox_permissions</c> (comma-separated: <c>spot</c>, <c>withdrawals</c>, <c>no-ip-restriction</c>). The same
/// item is what a client names as its exchange, so <c>vault://sandbox/api_secret</c> signs and verifies alike.
/// </summary>
public sealed class SandboxKeyring
{
    /// <summary>The field that marks an item as a sandbox key and lists its permissions.</summary>
    public const string PermissionsField = "sandbox_permissions";

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Dictionary<string, SandboxKey> byApiKey;

    private SandboxKeyring(IEnumerable<SandboxKey> keys) => byApiKey = keys.ToDictionary(k => k.ApiKey, StringComparer.Ordinal);

    /// <summary>The keys, by vault item.</summary>
    public IReadOnlyList<SandboxKey> Keys => byApiKey.Values.OrderBy(k => k.Item, StringComparer.Ordinal).ToArray();

    /// <summary>A keyring of keys in hand (tests).</summary>
    public static SandboxKeyring Of(params SandboxKey[] keys) => new(keys);

    /// <summary>
    /// Creates a key pair of 64 CSPRNG letters and digits each and stores it in <paramref name="store"/> under
    /// <paramref name="item"/>; returns the key (the secret stays in the vault and in the returned object only).
    /// </summary>
    /// <exception cref="TradeguardException">Exit 5 when <paramref name="item"/> already holds an API key (delete it first).</exception>
    public static SandboxKey Create(ISecretStore store, string item, bool withdrawals, bool ipRestricted = true)
    {
        var reference = new SecretReference(item, ApiCredentials.KeyField);
        if (store.List().Any(r => r.Item == item && r.Field == ApiCredentials.KeyField))
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"{reference} already exists; pick another --item, or remove it first with: tradeguard vault rm {item} {ApiCredentials.KeyField}");
        }

        var apiKey = RandomNumberGenerator.GetString(Alphabet, 64);
        var secret = Secret.FromString(RandomNumberGenerator.GetString(Alphabet, 64));
        Redactor.Shared.Register(apiKey);
        Redactor.Shared.Register(secret.Reveal());
        using (var key = Secret.FromString(apiKey))
        using (var permissions = Secret.FromString(Permissions(withdrawals, ipRestricted)))
        {
            store.Set(new SecretReference(item, ApiCredentials.SecretField), secret);
            store.Set(new SecretReference(item, PermissionsField), permissions);
            store.Set(reference, key);
        }

        return new SandboxKey(item, apiKey, secret, withdrawals, ipRestricted);
    }

    /// <summary>Loads every sandbox key in <paramref name="store"/> (items that have a <see cref="PermissionsField"/>).</summary>
    /// <exception cref="TradeguardException">Exit 5 when there is none, with the command that creates one.</exception>
    public static SandboxKeyring Load(ISecretStore store)
    {
        var keys = new List<SandboxKey>();
        foreach (var item in store.List().Where(r => r.Field == PermissionsField).Select(r => r.Item).Distinct())
        {
            using var permissions = store.TryGet(new SecretReference(item, PermissionsField));
            var credentials = ApiCredentials.Load(store, item);
            var flags = (permissions?.Reveal() ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
            keys.Add(new SandboxKey(item, credentials.ApiKey.Reveal(), credentials.ApiSecret,
                flags.Contains("withdrawals"), !flags.Contains("no-ip-restriction")));
            credentials.ApiKey.Dispose(); // the secret now belongs to the keyring
        }

        if (keys.Count == 0)
        {
            throw new TradeguardException(ExitCode.Configuration, "the vault holds no sandbox API key. Create one with: tradeguard sandbox keys create");
        }

        return new SandboxKeyring(keys);
    }

    /// <summary>The key with this API key, or null.</summary>
    public SandboxKey? Find(string? apiKey) => apiKey is not null && byApiKey.TryGetValue(apiKey, out var key) ? key : null;

    private static string Permissions(bool withdrawals, bool ipRestricted) =>
        "spot" + (withdrawals ? ",withdrawals" : string.Empty) + (ipRestricted ? string.Empty : ",no-ip-restriction");
}
