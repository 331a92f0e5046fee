using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Telegram;

/// <summary>
/// Builds the Telegram.Bot client the way Tradeguard needs it: token from the vault and registered with the
/// redactor, base URL checked (https, or http on loopback), Telegram.Bot's own 429 retry off so the dispatcher decides,
/// and HTTP logging that names the Bot API method only, never the URL (the token sits in its path).
/// </summary>
public static class TelegramClientFactory
{
    /// <summary>Creates the client.</summary>
    /// <param name="options">Validated settings.</param>
    /// <param name="secrets">The unlocked vault (or another store).</param>
    /// <param name="logger">Where API calls are logged (method, status, duration).</param>
    /// <exception cref="TradeguardException">Exit 5 when the base URL is refused or the token is missing or malformed.</exception>
    public static TelegramBotClient Create(TelegramOptions options, ISecretStore secrets, ILogger? logger = null)
    {
        var baseUrl = options.ValidatedBaseUrl();
        using var secret = secrets.TryGet(options.BotToken)
            ?? throw new TradeguardException(ExitCode.Configuration,
                $"No bot token at {options.BotToken}. Create a bot with @BotFather, then store its token with " +
                $"'tradeguard vault set {options.BotToken.Item} {options.BotToken.Field}' (it reads the value from a hidden prompt).");
        var token = secret.Reveal();
        Redactor.Shared.Register(token);
        return Create(token, baseUrl, logger);
    }

    /// <summary>Creates the client from a token already registered with the redactor (tests, tools).</summary>
    /// <exception cref="TradeguardException">Exit 5 when the token is malformed (the message never holds it).</exception>
    public static TelegramBotClient Create(string token, Uri baseUrl, ILogger? logger = null)
    {
        var httpClient = new HttpClient(new ApiCallLogger(logger ?? NullLogger.Instance) { InnerHandler = new SocketsHttpHandler() })
        {
            // A safety net only: the dispatcher and the poller bound each call with their own (TimeProvider) timeouts.
            Timeout = TimeSpan.FromSeconds(100),
        };
        try
        {
            var clientOptions = new TelegramBotClientOptions(token, baseUrl.GetLeftPart(UriPartial.Authority))
            {
                RetryThreshold = 0,
                RetryCount = 0,
            };
            return new TelegramBotClient(clientOptions, httpClient);
        }
        catch (ArgumentException)
        {
            httpClient.Dispose();
            throw new TradeguardException(ExitCode.Configuration,
                "The stored bot token is not shaped like a Telegram token (<bot id>:<secret>). Copy it again from @BotFather.");
        }
    }
}
