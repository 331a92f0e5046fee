using System.Globalization;
using System.Text.Json.Serialization;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;
using Tradeguard.Exchange.Client;
using Tradeguard.Gateway.Keys;
using Tradeguard.Trading.Config;

namespace Tradeguard.Gateway.Config;

/// <summary>
/// The gateway config (JSON, read as every config is by <see cref="ConfigFile"/>; every setting in docs/gateway.md):
/// where bots connect, which exchange it forwards to with which vault-held key, paper or live, and each bot's policy.
/// Validated at load; an error names the file and the setting (exit 5).
/// </summary>
public sealed record GatewayConfig
{
    /// <summary>Default admin socket file name, in <c>$TRADEGUARD_HOME/gateway/</c>.</summary>
    public const string DefaultAdminSocketName = "admin.sock";

    /// <summary>Where bots connect: <c>127.0.0.1:PORT</c>, <c>[::1]:PORT</c> or <c>unix:/path.sock</c>; default <c>127.0.0.1:8780</c>.</summary>
    public string Listen { get; set; } = "127.0.0.1:8780";

    /// <summary>The operator's control socket (<c>gateway pause|resume|stop|status</c>); default <c>$TRADEGUARD_HOME/gateway/admin.sock</c>.</summary>
    public string? AdminSocket { get; set; }

    /// <summary><c>paper</c> (default) or <c>live</c>; live also needs <c>--live</c>, as for <c>exchange serve</c>.</summary>
    public string? Mode { get; set; }

    /// <summary>The exchange's REST base URL: https, or http to a loopback address (the sandbox); default the sandbox at <c>http://127.0.0.1:8765/</c>.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:8765/");

    /// <summary>The vault item holding the real key pair (<c>vault://&lt;exchange&gt;/api_key</c>, <c>api_secret</c>); default <c>sandbox</c>.</summary>
    public string Exchange { get; set; } = "sandbox";

    /// <summary>recvWindow of the gateway's own signed requests upstream, milliseconds; default 5000.</summary>
    public int RecvWindowMs { get; set; } = 5000;

    /// <summary>
    /// The exchange's request weight per minute (Binance Spot: 6000, exchangeInfo <c>rateLimits</c> REQUEST_WEIGHT),
    /// which <see cref="Upstream.WeightBudget"/> shares out; default 6000.
    /// </summary>
    public int WeightLimitPerMinute { get; set; } = 6000;

    /// <summary>Largest request body a bot may send, bytes; default 65536.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Alert kinds the operator lets bots publish through the bot channel besides the built-in ones: word → the
    /// summary operators read, e.g. <c>{"rebalanced": "Portfolio rebalanced"}</c> (<see cref="Channel.BotAlertKinds"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> BotAlertKinds { get; set; } = new Dictionary<string, string>();

    /// <summary>The bots served, each with its policy; at least one.</summary>
    public IReadOnlyList<BotPolicyConfig> Bots { get; set; } = [];

    /// <summary>The file it was read from.</summary>
    [JsonIgnore]
    public string Path { get; set; } = string.Empty;

    /// <summary>The parsed <see cref="Listen"/>.</summary>
    [JsonIgnore]
    public ListenAddress ListenAddress => ListenAddress.TryParse(Listen) ?? throw Setting("listen", "is not a loopback host:port or unix:/path");

    /// <summary>The base URL a bot is given (<c>TRADEGUARD_GATEWAY_URL</c>); see <see cref="ListenAddress.BaseUrl"/>.</summary>
    [JsonIgnore]
    public Uri BotBaseUrl => ListenAddress.BaseUrl;

    /// <summary>The admin socket's path, <see cref="AdminSocket"/> or the default in the Tradeguard home.</summary>
    [JsonIgnore]
    public string AdminSocketPath => AdminSocket ?? System.IO.Path.Combine(TradeguardHome.Path, "gateway", DefaultAdminSocketName);

    /// <summary>The bots' names, in config order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> BotNames => Bots.Select(b => b.Name!).ToArray();

    /// <summary>The policy of <paramref name="bot"/>, or null.</summary>
    public BotPolicyConfig? PolicyOf(string bot) => Bots.FirstOrDefault(b => b.Name == bot);

    /// <summary>Client settings for the upstream exchange.</summary>
    [JsonIgnore]
    public ExchangeClientOptions Upstream => new() { BaseAddress = BaseUrl, RecvWindowMs = RecvWindowMs, Exchange = Exchange };

    /// <summary>Reads and checks a config; refuses one that group or others can access.</summary>
    /// <exception cref="TradeguardException">Exit 5 naming the file and the bad setting.</exception>
    public static GatewayConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TradeguardException(ExitCode.Configuration, $"no gateway config at {path}");
        }

        PrivateFile.EnsurePrivate(path, "config");
        return Parse(ConfigFile.ReadText(path), path);
    }

    /// <summary>Parses and checks a config's text (<paramref name="path"/> names it in errors).</summary>
    /// <exception cref="TradeguardException">Exit 5 naming the file and the bad setting.</exception>
    public static GatewayConfig Parse(string json, string path)
    {
        var config = ConfigFile.Parse(json, GatewayConfigJsonContext.Shape, path, "docs/gateway.md for the settings a gateway config takes", "bots") with { Path = path };
        config.Validate();
        return config;
    }

    private void Validate()
    {
        _ = ListenAddress;
        if (AdminSocket is not null && (!System.IO.Path.IsPathFullyQualified(AdminSocket) || AdminSocket.Length > 100))
        {
            throw Setting("adminSocket", "must be an absolute path of at most 100 characters");
        }

        if (Mode is not null && Mode.Trim().ToLowerInvariant() is not ("paper" or "live"))
        {
            throw Setting("mode", $"must be \"paper\" or \"live\" (got \"{Mode}\")");
        }

        try
        {
            Upstream.Validate();
        }
        catch (TradeguardException e)
        {
            throw Setting("baseUrl", "is refused: " + e.Message);
        }

        if (!SecretReference.IsValidName(Exchange))
        {
            throw Setting("exchange", "must be a vault item name (1-64 of A-Z a-z 0-9 _ . -)");
        }

        if (MaxRequestBodyBytes is < 1024 or > 1024 * 1024)
        {
            throw Setting("maxRequestBodyBytes", "must be 1024 to 1048576");
        }

        if (WeightLimitPerMinute is < 100 or > 1_000_000)
        {
            throw Setting("weightLimitPerMinute", "must be 100 to 1000000");
        }

        _ = new Channel.BotAlertKinds(BotAlertKinds, $"{Path}: \"botAlertKinds\"");
        if (Bots.Count == 0)
        {
            throw Setting("bots", "must list at least one bot, e.g. [{\"name\": \"momentum\", \"symbols\": [\"BTCUSDT\"], ...}]");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Bots.Count; i++)
        {
            ValidateBot(Bots[i], $"bots[{i.ToString(CultureInfo.InvariantCulture)}]", seen);
        }
    }

    private void ValidateBot(BotPolicyConfig bot, string at, HashSet<string> seen)
    {
        if (!BotName.IsValid(bot.Name))
        {
            throw Setting($"{at}.name", $"must match {BotName.Pattern} (got \"{bot.Name}\")");
        }

        if (!seen.Add(bot.Name!))
        {
            throw Setting($"{at}.name", $"\"{bot.Name}\" is listed twice");
        }

        if (bot.Symbols is not { Count: > 0 } || bot.Symbols.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 20 || !s.All(char.IsAsciiLetterOrDigit)))
        {
            throw Setting($"{at}.symbols", "must list at least one symbol of 1-20 letters and digits, e.g. [\"BTCUSDT\"]");
        }

        if (bot.OrderTypes.Count == 0 || bot.OrderTypes.Any(t => !Policy.OrderTypes.IsKnown(t)))
        {
            throw Setting($"{at}.orderTypes", $"must list order types among {string.Join(", ", Policy.OrderTypes.Known)}");
        }

        Positive(bot.MaxOrderNotional, $"{at}.maxOrderNotional");
        Positive(bot.MaxPosition, $"{at}.maxPosition");
        Positive(bot.MaxDailyLoss, $"{at}.maxDailyLoss");
        if (bot.MaxOrdersPerMinute is < 1 or > 6000)
        {
            throw Setting($"{at}.maxOrdersPerMinute", "must be 1 to 6000");
        }
    }

    private void Positive(decimal? value, string setting)
    {
        if (value is not > 0)
        {
            throw Setting(setting, value is null ? "is required (a number above 0, quote currency or base units)" : $"must be above 0 (got {value})");
        }
    }

    private TradeguardException Setting(string name, string problem) => ConfigError.Setting(Path, $"\"{name}\"", problem);
}
