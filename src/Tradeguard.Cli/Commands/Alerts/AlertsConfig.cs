using System.Text.Json.Serialization;
using Tradeguard.Alerts;
using Tradeguard.Alerts.Age;
using Tradeguard.Alerts.Dispatch;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;
using Tradeguard.Telegram;
using Tradeguard.Trading.Config;

namespace Tradeguard.Cli.Commands.Alerts;

/// <summary>
/// The alert and Telegram settings file, <c>alerts.json</c> in the Tradeguard home (or <c>--config PATH</c>).
/// Holds no secret (the bot token is a <c>vault://</c> reference) but is still refused when others can write it:
/// whoever edits it can redirect alerts. Every bad value fails with its setting's name (exit 5). See docs/alerts.md.
/// </summary>
internal sealed class AlertsConfig
{
    public const string DefaultFileName = "alerts.json";

    [JsonPropertyName("exposure")]
    public Dictionary<string, string> Exposure { get; set; } = [];

    [JsonPropertyName("age_recipient")]
    public string? AgeRecipient { get; set; }

    [JsonPropertyName("console")]
    public bool Console { get; set; }

    [JsonPropertyName("rate_limits")]
    public RateLimitSettings RateLimits { get; set; } = new();

    /// <summary>Seconds within which a repeated alert line is folded into one tally (0: send every one); default 300.</summary>
    [JsonPropertyName("fold_repeats_seconds")]
    public int FoldRepeatsSeconds { get; set; } = 300;

    [JsonPropertyName("telegram")]
    public TelegramSettings? Telegram { get; set; }

    public static string ResolvePath(string? option) =>
        string.IsNullOrEmpty(option) ? TradeguardHome.File(DefaultFileName) : Path.GetFullPath(option);

    /// <summary>Reads the file; a missing default file means defaults (console alerts only).</summary>
    public static AlertsConfig Load(string? option)
    {
        var path = ResolvePath(option);
        if (!File.Exists(path))
        {
            if (!string.IsNullOrEmpty(option))
            {
                throw new TradeguardException(ExitCode.Configuration, $"No alert settings at {path}.");
            }

            return new AlertsConfig { Console = true };
        }

        PrivateFile.EnsurePrivate(path, "alert settings");
        return ConfigFile.Parse(ConfigFile.ReadText(path), AlertsConfigJsonContext.Shape, path, "docs/alerts.md for the settings alerts.json takes",
            "one setting, such as \"console\": true");
    }

    /// <summary>These settings without the Telegram section (for a caller that checks and wires Telegram itself).</summary>
    public AlertsConfig WithoutTelegram() =>
        new() { Exposure = Exposure, AgeRecipient = AgeRecipient, Console = Console, RateLimits = RateLimits, FoldRepeatsSeconds = FoldRepeatsSeconds };

    /// <summary>The repeat folder these settings ask for.</summary>
    /// <exception cref="TradeguardException">Exit 5 when fold_repeats_seconds is negative or over a day.</exception>
    public RepeatFolder RepeatFolder() => FoldRepeatsSeconds is >= 0 and <= 86_400
        ? new RepeatFolder(TimeSpan.FromSeconds(FoldRepeatsSeconds), TimeProvider.System)
        : throw new TradeguardException(ExitCode.Configuration, "Setting fold_repeats_seconds must be between 0 (no folding) and 86400 seconds.");

    public ExposurePolicy Policy()
    {
        AgeRecipient? recipient = null;
        if (!string.IsNullOrWhiteSpace(AgeRecipient) && !global::Tradeguard.Alerts.Age.AgeRecipient.TryParse(AgeRecipient, out recipient))
        {
            throw new TradeguardException(ExitCode.Configuration,
                "Setting age_recipient is not an age X25519 recipient: use the 'age1…' public key that 'age-keygen' prints.");
        }

        var levels = Exposure.Where(kv => kv.Key != "default")
            .ToDictionary(kv => kv.Key, kv => ExposurePolicy.ParseLevel(kv.Value, $"exposure.{kv.Key}"), StringComparer.Ordinal);
        var fallback = Exposure.TryGetValue("default", out var d) ? ExposurePolicy.ParseLevel(d, "exposure.default") : ExposureLevel.Minimal;
        return new ExposurePolicy(levels, fallback, recipient);
    }

    public DispatchOptions DispatchOptions() => new DispatchOptions
    {
        PerChatPerSecond = RateLimits.PerChatPerSecond,
        PerGroupPerMinute = RateLimits.PerGroupPerMinute,
        OverallPerSecond = RateLimits.OverallPerSecond,
    }.Validate();

    public TelegramOptions? TelegramOptions()
    {
        if (Telegram is null)
        {
            return null;
        }

        if (!SecretReference.TryParse(Telegram.BotToken, out var token))
        {
            throw new TradeguardException(ExitCode.Configuration,
                "Setting telegram.bot_token must be a vault reference like vault://telegram/bot_token (never the token itself).");
        }

        return new TelegramOptions
        {
            ApiBaseUrl = Telegram.ApiBaseUrl,
            BotToken = token.Value,
            AlertChatIds = Telegram.AlertChatIds,
            AllowedGroupChatIds = Telegram.AllowedGroupChatIds,
            MaxUpdateAge = TimeSpan.FromSeconds(Telegram.MaxUpdateAgeSeconds),
        }.Validate();
    }

    // Defaults are the dispatcher's own (Telegram's limits), so a settings file without rate_limits runs at full rate.
    internal sealed class RateLimitSettings
    {
        private static readonly DispatchOptions Defaults = new();

        [JsonPropertyName("per_chat_per_second")]
        public double PerChatPerSecond { get; set; } = Defaults.PerChatPerSecond;

        [JsonPropertyName("per_group_per_minute")]
        public int PerGroupPerMinute { get; set; } = Defaults.PerGroupPerMinute;

        [JsonPropertyName("overall_per_second")]
        public int OverallPerSecond { get; set; } = Defaults.OverallPerSecond;
    }

    internal sealed class TelegramSettings
    {
        [JsonPropertyName("api_base_url")]
        public string ApiBaseUrl { get; set; } = Tradeguard.Telegram.TelegramOptions.DefaultApiBaseUrl;

        [JsonPropertyName("bot_token")]
        public string BotToken { get; set; } = "vault://telegram/bot_token";

        [JsonPropertyName("alert_chat_ids")]
        public long[] AlertChatIds { get; set; } = [];

        [JsonPropertyName("allowed_group_chat_ids")]
        public long[] AllowedGroupChatIds { get; set; } = [];

        [JsonPropertyName("max_update_age_seconds")]
        public int MaxUpdateAgeSeconds { get; set; } = 120;

        [JsonPropertyName("webhook_listen")]
        public string WebhookListen { get; set; } = "http://127.0.0.1:8443";

        [JsonPropertyName("webhook_path")]
        public string WebhookPath { get; set; } = "/telegram/webhook";

        [JsonPropertyName("webhook_public_url")]
        public string? WebhookPublicUrl { get; set; }
    }
}
