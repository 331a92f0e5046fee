using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Tradeguard.Core.Errors;

namespace Tradeguard.Telegram.Bot;

/// <summary>
/// The bot's own account, asked once at start-up with <c>getMe</c> (its @username scopes group commands). The one
/// place that turns a failed <c>getMe</c> into an error a user can act on.
/// </summary>
public static class BotAccount
{
    /// <summary>Calls <c>getMe</c>.</summary>
    /// <exception cref="TradeguardException">Exit 6 when Telegram refuses the token (401: revoked or mistyped), answers
    /// with an error (5xx) or cannot be reached; the message gives the fix and never the token.</exception>
    public static async Task<User> FetchAsync(ITelegramBotClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.GetMe(cancellationToken).ConfigureAwait(false);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
        {
            // The Bot API answers 404 for a token of the wrong shape and 401 for a revoked one.
            throw new TradeguardException(ExitCode.ExternalService,
                $"Telegram refused the bot token ({e.ErrorCode}): it was revoked or mistyped. Get the current token from @BotFather " +
                "(/mybots, API Token) and store it with 'tradeguard vault set telegram bot_token'.", e);
        }
        catch (ApiRequestException e)
        {
            throw new TradeguardException(ExitCode.ExternalService,
                $"Telegram answered getMe with an error ({e.ErrorCode}); try again in a few minutes, and check telegram.api_base_url " +
                "in the alert settings if it persists.", e);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new TradeguardException(ExitCode.ExternalService,
                "Telegram could not be reached for getMe; check the network and telegram.api_base_url in the alert settings.", e);
        }
    }
}
