using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Signing;
using Tradeguard.Gateway.Config;
using Tradeguard.Gateway.Keys;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// What <c>tradeguard exec --bot NAME</c> hands a bot: the gateway's base URL and channel address
/// (<see cref="Settings"/>), the bot's local key pair (<see cref="Secrets"/>), and the real credentials it must never
/// see (<see cref="Withheld"/>: the exchange key and secret the gateway signs with, the Telegram token), so the caller
/// can strip any inherited variable that holds one of them. Dispose to zero the secrets.
/// </summary>
public sealed class BotLaunch : IDisposable
{
    private readonly List<Secret> _withheld;

    private BotLaunch(IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, Secret> secrets, List<Secret> withheld)
    {
        Settings = settings;
        Secrets = secrets;
        _withheld = withheld;
    }

    /// <summary><see cref="BotEnvironment.UrlVariable"/> and <see cref="BotEnvironment.ChannelVariable"/>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary><see cref="BotEnvironment.ApiKeyVariable"/> and <see cref="BotEnvironment.ApiSecretVariable"/>.</summary>
    public IReadOnlyDictionary<string, Secret> Secrets { get; }

    /// <summary>The real credentials present in the vault, which no variable of the bot may hold.</summary>
    public IReadOnlyList<Secret> Withheld => _withheld;

    /// <summary>Prepares the launch of <paramref name="bot"/> under <paramref name="config"/>.</summary>
    /// <param name="config">The gateway config the bot trades through.</param>
    /// <param name="store">The vault.</param>
    /// <param name="bot">The bot's name.</param>
    /// <param name="requested">References the caller also asked for (<c>--env</c>); one that points at a withheld credential is refused.</param>
    /// <param name="realCredentials">References of real credentials besides the exchange's (the Telegram token).</param>
    /// <param name="channel">The channel's place; the installation's default when null.</param>
    /// <exception cref="TradeguardException">Exit 2 for a bad bot name; exit 5 when the config serves no such bot, the bot has
    /// no key, or <paramref name="requested"/> names a real credential.</exception>
    public static BotLaunch Prepare(GatewayConfig config, ISecretStore store, string bot, IEnumerable<SecretReference> requested,
        IEnumerable<SecretReference> realCredentials, ChannelOptions? channel = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(store);
        BotName.Require(bot);
        if (config.PolicyOf(bot) is null)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"the gateway config {config.Path} serves no bot named '{bot}' (it serves: {string.Join(", ", config.BotNames)}); add it under \"bots\" and restart the gateway.");
        }

        var real = ApiCredentials.References(config.Exchange).Concat(realCredentials).Distinct().ToList();
        // SecretReference is a struct: FirstOrDefault alone would yield a default reference, never null.
        if (requested.Where(real.Contains).Select(r => (SecretReference?)r).FirstOrDefault() is { } leak)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"--env asks for {leak}, a real credential: a bot run with --bot trades through the gateway and gets none. Remove that --env.");
        }

        var key = new BotKeyStore(store).Read(bot);
        var withheld = real.Select(store.TryGet).OfType<Secret>().ToList();
        channel ??= new ChannelOptions();
        return new BotLaunch(BotEnvironment.Addresses(config.BotBaseUrl, channel.Address),
            BotEnvironment.Key(Secret.FromString(key.ApiKey), key.ApiSecret), withheld);
    }

    /// <summary>Zeroes the bot's key and the withheld credentials.</summary>
    public void Dispose()
    {
        foreach (var secret in Secrets.Values.Concat(_withheld))
        {
            secret.Dispose();
        }
    }
}
