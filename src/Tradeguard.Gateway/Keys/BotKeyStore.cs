using System.Security.Cryptography;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Signing;

namespace Tradeguard.Gateway.Keys;

/// <summary>
/// Bots' key pairs in the vault: bot <c>NAME</c> has the item <c>bot-NAME</c> with the fields <c>api_key</c> and
/// <c>api_secret</c> (the names an exchange item uses, so <c>vault://bot-NAME/api_secret</c> reads as any key does).
/// Both values are 64 letters and digits from the CSPRNG (<see cref="RandomNumberGenerator.GetString"/>), the shape of a
/// Binance key, so unmodified clients accept them. Read values are registered with <see cref="Redactor.Shared"/>.
/// </summary>
public sealed class BotKeyStore(ISecretStore store)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Length of a bot's API key and secret, characters.</summary>
    public const int KeyLength = 64;

    /// <summary>Creates a key pair for <paramref name="bot"/> and stores it; the caller owns (and disposes) the returned key.</summary>
    /// <exception cref="TradeguardException">Exit 2 for a bad name; exit 5 when the bot already has a key (revoke it first).</exception>
    public BotKey Create(string bot)
    {
        BotName.Require(bot);
        if (Exists(bot))
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"bot {bot} already has a key (vault://{BotName.VaultItem(bot)}/{ApiCredentials.KeyField}). Revoke it first with: tradeguard gateway keys revoke --bot {bot}");
        }

        var apiKey = RandomNumberGenerator.GetString(Alphabet, KeyLength);
        var secret = Secret.FromString(RandomNumberGenerator.GetString(Alphabet, KeyLength));
        Redactor.Shared.Register(apiKey);
        Redactor.Shared.Register(secret.Reveal());
        using (var key = Secret.FromString(apiKey))
        {
            // The secret first: a key without its secret would be listed but could never sign.
            store.Set(new SecretReference(BotName.VaultItem(bot), ApiCredentials.SecretField), secret);
            store.Set(new SecretReference(BotName.VaultItem(bot), ApiCredentials.KeyField), key);
        }

        return new BotKey(bot, apiKey, secret);
    }

    /// <summary>True when <paramref name="bot"/> has a key in the vault.</summary>
    public bool Exists(string bot) => List().Contains(bot, StringComparer.Ordinal);

    /// <summary>The names of the bots that have a key, in order.</summary>
    public IReadOnlyList<string> List() =>
        store.List()
            .Where(r => r.Field == ApiCredentials.KeyField && r.Item.StartsWith(BotName.VaultItemPrefix, StringComparison.Ordinal))
            .Select(r => r.Item[BotName.VaultItemPrefix.Length..])
            .Where(BotName.IsValid)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Reads <paramref name="bot"/>'s key pair; the caller disposes it.</summary>
    /// <exception cref="TradeguardException">Exit 5 with the command that creates it when the bot has no key; exit 4 for a damaged entry.</exception>
    public BotKey Read(string bot)
    {
        BotName.Require(bot);
        using var key = store.TryGet(new SecretReference(BotName.VaultItem(bot), ApiCredentials.KeyField));
        var secret = store.TryGet(new SecretReference(BotName.VaultItem(bot), ApiCredentials.SecretField));
        if (key is null || secret is null || key.Length == 0 || secret.Length == 0)
        {
            secret?.Dispose();
            throw new TradeguardException(ExitCode.Configuration, $"bot {bot} has no key in the vault. Create one with: tradeguard gateway keys create --bot {bot}");
        }

        var apiKey = key.Reveal();
        Redactor.Shared.Register(apiKey);
        Redactor.Shared.Register(secret.Reveal());
        return new BotKey(bot, apiKey, secret);
    }

    /// <summary>Deletes <paramref name="bot"/>'s key pair; false when it had none. A running gateway keeps the key it loaded until restarted.</summary>
    /// <exception cref="TradeguardException">Exit 2 for a bad name.</exception>
    public bool Revoke(string bot)
    {
        BotName.Require(bot);
        var removedKey = store.Remove(new SecretReference(BotName.VaultItem(bot), ApiCredentials.KeyField));
        var removedSecret = store.Remove(new SecretReference(BotName.VaultItem(bot), ApiCredentials.SecretField));
        return removedKey || removedSecret;
    }
}
