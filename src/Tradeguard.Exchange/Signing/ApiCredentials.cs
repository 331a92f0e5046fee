using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Exchange.Signing;

/// <summary>
/// An exchange API key pair read from the vault: <c>vault://&lt;exchange&gt;/api_key</c> and
/// <c>vault://&lt;exchange&gt;/api_secret</c>. Both values are registered with <see cref="Redactor.Shared"/> when loaded,
/// so a value that escapes its <see cref="Secret"/> still never reaches a log or an error message in clear. Only
/// <see cref="MaskedKey"/> is ever shown. Dispose to zero both.
/// </summary>
public sealed class ApiCredentials : IDisposable
{
    /// <summary>The vault field holding the API key.</summary>
    public const string KeyField = "api_key";

    /// <summary>The vault field holding the API secret.</summary>
    public const string SecretField = "api_secret";

    private ApiCredentials(Secret apiKey, Secret apiSecret)
    {
        ApiKey = apiKey;
        ApiSecret = apiSecret;
        MaskedKey = SecretMask.Mask(apiKey.Reveal());
    }

    /// <summary>The API key (sent in the <c>X-MBX-APIKEY</c> header).</summary>
    public Secret ApiKey { get; }

    /// <summary>The API secret (signs requests; never sent).</summary>
    public Secret ApiSecret { get; }

    /// <summary>The key as it may be displayed: first4…last4 for 16+ characters, else nothing of it.</summary>
    public string MaskedKey { get; }

    /// <summary>The vault references an exchange's credentials live at, in the order checked.</summary>
    public static IReadOnlyList<SecretReference> References(string exchange) =>
        [new SecretReference(exchange, KeyField), new SecretReference(exchange, SecretField)];

    /// <summary>The references among <see cref="References"/> that <paramref name="store"/> does not hold (empty when all are there).</summary>
    public static IReadOnlyList<SecretReference> Missing(ISecretStore store, string exchange)
    {
        var held = store.List().Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        return References(exchange).Where(r => !held.Contains(r.ToString())).ToArray();
    }

    /// <summary>Creates credentials from values in hand (the sandbox's key maker, tests); registers both for redaction.</summary>
    public static ApiCredentials From(Secret apiKey, Secret apiSecret)
    {
        Redactor.Shared.Register(apiKey.Reveal());
        Redactor.Shared.Register(apiSecret.Reveal());
        return new ApiCredentials(apiKey, apiSecret);
    }

    /// <summary>Reads the key pair of <paramref name="exchange"/> from <paramref name="store"/>.</summary>
    /// <exception cref="TradeguardException">Exit 5 naming every missing field and the command that adds it; exit 4 for a damaged entry.</exception>
    public static ApiCredentials Load(ISecretStore store, string exchange)
    {
        EnsurePresent(store, exchange);
        var key = store.TryGet(new SecretReference(exchange, KeyField));
        var secret = store.TryGet(new SecretReference(exchange, SecretField));
        if (key is null || secret is null || key.Length == 0 || secret.Length == 0)
        {
            key?.Dispose();
            secret?.Dispose();
            throw new TradeguardException(ExitCode.Configuration,
                $"the {exchange} API key or secret in the vault is empty. Set them again with: tradeguard vault set {exchange} {KeyField}; tradeguard vault set {exchange} {SecretField}");
        }

        return From(key, secret);
    }

    /// <summary>Fails unless both fields exist in <paramref name="store"/>; reads no value.</summary>
    /// <exception cref="TradeguardException">Exit 5 naming every missing field and the command that adds it.</exception>
    public static void EnsurePresent(ISecretStore store, string exchange)
    {
        var missing = Missing(store, exchange);
        if (missing.Count > 0)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"the vault has no {string.Join(" and no ", missing)}, which {exchange} needs to sign requests. " +
                $"Add it with: {string.Join("; ", missing.Select(r => $"tradeguard vault set {r.Item} {r.Field}"))}");
        }
    }

    /// <summary>Zeroes both values.</summary>
    public void Dispose()
    {
        ApiKey.Dispose();
        ApiSecret.Dispose();
    }

    /// <summary>The masked key only.</summary>
    public override string ToString() => $"API key {MaskedKey}";
}
