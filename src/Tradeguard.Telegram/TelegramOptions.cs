using System.Net;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Telegram;

/// <summary>Settings of the Telegram adapter, validated at start-up (a bad one fails fast with its name, exit 5).</summary>
public sealed record TelegramOptions
{
    /// <summary>The default Bot API address.</summary>
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>Where the bot token lives. Default <c>vault://telegram/bot_token</c>.</summary>
    public SecretReference BotToken { get; init; } = new("telegram", "bot_token");

    /// <summary>The Bot API base URL: <c>https://</c>, or <c>http://</c> only on a loopback host (a local Bot API server).</summary>
    public string ApiBaseUrl { get; init; } = DefaultApiBaseUrl;

    /// <summary>Chats that receive trading alerts (a group or the operators' private chats), as chat ids.</summary>
    public IReadOnlyList<long> AlertChatIds { get; init; } = [];

    /// <summary>Group chats where linked operators may give commands. Other groups are refused whoever writes.</summary>
    public IReadOnlyList<long> AllowedGroupChatIds { get; init; } = [];

    /// <summary>Updates older than this are ignored (and audited). Default 120 s.</summary>
    public TimeSpan MaxUpdateAge { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long a one-time link code is valid. Default 10 minutes.</summary>
    public TimeSpan LinkCodeLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after <c>/stop</c> or <c>/closeall</c> the <c>/confirm</c> is accepted. Default 60 s.</summary>
    public TimeSpan ConfirmWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The long-poll wait per <c>getUpdates</c> call, in seconds. Default 25.</summary>
    public int PollTimeoutSeconds { get; init; } = 25;

    /// <summary>The bot's username without <c>@</c>, to tell <c>/cmd@ThisBot</c> from commands for other bots; read
    /// with <c>getMe</c> when null.</summary>
    public string? BotUsername { get; init; }

    /// <summary>
    /// The validated base URL.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 5 when the URL is not absolute, or is plain <c>http://</c> on a host
    /// that is not loopback.</exception>
    public Uri ValidatedBaseUrl()
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"Setting telegram.api_base_url is not an http(s) URL. Use {DefaultApiBaseUrl}.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"Setting telegram.api_base_url is plain http on a non-loopback host: the bot token would cross " +
                $"the network in clear. Use https:// (default {DefaultApiBaseUrl}); http:// is allowed only for 127.0.0.1, ::1 or localhost.");
        }

        return uri;
    }

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    /// <exception cref="TradeguardException">Exit 5.</exception>
    public TelegramOptions Validate()
    {
        ValidatedBaseUrl();
        Check(MaxUpdateAge > TimeSpan.Zero, "telegram.max_update_age", "positive");
        Check(LinkCodeLifetime > TimeSpan.Zero && LinkCodeLifetime <= TimeSpan.FromHours(1), "telegram.link_code_lifetime", "between 0 and 1 hour");
        Check(ConfirmWindow > TimeSpan.Zero && ConfirmWindow <= TimeSpan.FromMinutes(10), "telegram.confirm_window", "between 0 and 10 minutes");
        Check(PollTimeoutSeconds is >= 0 and <= 50, "telegram.poll_timeout", "between 0 and 50 seconds");
        return this;
    }

    /// <summary>True for 127.0.0.0/8, ::1 and <c>localhost</c>.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static void Check(bool ok, string setting, string expected)
    {
        if (!ok)
        {
            throw new TradeguardException(ExitCode.Configuration, $"Setting {setting} must be {expected}.");
        }
    }
}
