using System.Text.Json.Serialization;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;
using Tradeguard.Trading.Config;

namespace Tradeguard.Exchange.Config;

/// <summary>
/// The exchange config (JSON read as every config is, see <see cref="ConfigFile"/>; settings in docs/exchange.md):
/// where to trade and which run config (strategy, sizing, risk) to trade. Kept apart from the run config so a backtest
/// config stays exchange-free.
/// </summary>
public sealed record ExchangeRunConfig
{
    /// <summary><c>paper</c> (default) or <c>live</c>; live also needs <c>--live</c>.</summary>
    public string? Mode { get; set; }

    /// <summary>The vault item with the key pair (<c>vault://&lt;exchange&gt;/api_key</c>, <c>api_secret</c>); default <c>sandbox</c>.</summary>
    public string Exchange { get; set; } = "sandbox";

    /// <summary>REST base URL; default the sandbox at <c>http://127.0.0.1:8765/</c>.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:8765/");

    /// <summary>Trading pair.</summary>
    public string? Symbol { get; set; }

    /// <summary>Candle interval; default <c>1d</c>.</summary>
    public string Interval { get; set; } = "1d";

    /// <summary>The run config (strategy, broker sizing, risk), relative to this file's folder.</summary>
    public string? Run { get; set; }

    /// <summary>recvWindow, milliseconds; default 5000.</summary>
    public int RecvWindowMs { get; set; } = 5000;

    /// <summary>Seconds between polls; default 1.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>First candle fed to the strategy (UTC date); default: only candles closing after the start.</summary>
    public DateOnly? StartDate { get; set; }

    /// <summary>The run's name: its state file is <c>state/&lt;mode&gt;/&lt;name&gt;.json</c> in the Tradeguard home; default the config file's name without extension.</summary>
    public string? Name { get; set; }

    /// <summary><see cref="Name"/>, or the config file's name without extension.</summary>
    [JsonIgnore]
    public string RunName => Name ?? System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The file it was read from.</summary>
    [JsonIgnore]
    public string Path { get; set; } = string.Empty;

    /// <summary>The run config's full path.</summary>
    [JsonIgnore]
    public string RunPath => ConfigFile.ResolvePath(Path, "\"run\"", Run!);

    /// <summary>Reads and checks a config; refuses one that group or others can access.</summary>
    /// <exception cref="TradeguardException">Exit 5 naming the file and the bad setting.</exception>
    public static ExchangeRunConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TradeguardException(ExitCode.Configuration, $"no exchange config at {path}");
        }

        PrivateFile.EnsurePrivate(path, "config");
        var config = ConfigFile.Parse(ConfigFile.ReadText(path), ExchangeConfigJsonContext.Shape, path,
            "docs/exchange.md for the settings an exchange config takes", "symbol and run") with { Path = path };
        config.Validate();
        return config;
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Symbol))
        {
            throw Setting("symbol", "is required, e.g. \"ORCL\" for the sandbox");
        }

        if (!IsPlainName(Symbol, 32))
        {
            throw Setting("symbol", "must be 1-32 of A-Z a-z 0-9 _ . - (a trading pair such as \"BTCUSDT\")");
        }

        if (!IsPlainName(Interval, 8))
        {
            throw Setting("interval", "must be a candle interval such as \"1m\", \"1h\" or \"1d\"");
        }

        if (string.IsNullOrWhiteSpace(Run))
        {
            throw Setting("run", "is required: the run config with the strategy, e.g. \"sma-cross-orcl.json\"");
        }

        _ = RunPath;
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https") ||
            string.IsNullOrEmpty(BaseUrl.Host) || !string.IsNullOrEmpty(BaseUrl.UserInfo))
        {
            throw Setting("baseUrl", "must be an absolute http:// or https:// URL without user name or password, e.g. \"http://127.0.0.1:8765/\"");
        }

        if (!SecretReference.IsValidName(Exchange))
        {
            throw Setting("exchange", "must be a vault item name (1-64 of A-Z a-z 0-9 _ . -)");
        }

        if (!SecretReference.IsValidName(RunName) || RunName.StartsWith('.'))
        {
            throw Setting("name", "must be 1-64 of A-Z a-z 0-9 _ . - (not starting with a dot); it names the run's state file");
        }

        if (PollSeconds is <= 0 or > 3600)
        {
            throw Setting("pollSeconds", "must be above 0 and at most 3600");
        }
    }

    private static bool IsPlainName(string? value, int maxLength) =>
        value is { Length: > 0 } v && v.Length <= maxLength && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private TradeguardException Setting(string name, string problem) => ConfigError.Setting(Path, $"\"{name}\"", problem);
}
