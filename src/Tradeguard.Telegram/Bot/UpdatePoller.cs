using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Tradeguard.Alerts.Dispatch;
using Tradeguard.Core.Errors;
using Tradeguard.Telegram.Linking;

namespace Tradeguard.Telegram.Bot;

/// <summary>
/// Long polling with <c>getUpdates</c>. The offset is the last handled update id + 1, persisted in the
/// <see cref="TelegramStore"/> as each update is taken, so a restart neither replays nor skips updates.
/// </summary>
/// <remarks>409 Conflict (another instance polls the same token, or a webhook is set) stops polling with a clear
/// error; 401 (bad token) too. Timeouts, connection failures, 5xx and 429 back off and try again.</remarks>
public sealed class UpdatePoller(ITelegramBotClient client, TelegramStore store, CommandBot bot, TelegramOptions options,
    TimeProvider? time = null, ILogger? logger = null)
{
    private static readonly UpdateType[] Wanted =
        [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.ChannelPost];

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>One <c>getUpdates</c> call and the handling of what it returned.</summary>
    /// <returns>The number of updates received.</returns>
    /// <exception cref="TradeguardException">Exit 6 on 409 Conflict; exit 5 on 401 Unauthorized.</exception>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var offset = store.NextOffset;
        global::Telegram.Bot.Types.Update[] updates;
        try
        {
            updates = await client.GetUpdates((int?)offset, limit: 100, timeout: options.PollTimeoutSeconds,
                allowedUpdates: Wanted, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 409)
        {
            throw new TradeguardException(ExitCode.ExternalService,
                "Telegram answered 409 Conflict to getUpdates: another instance is polling this bot token, or a webhook is set. " +
                "Polling stopped. Stop the other 'tradeguard telegram serve', or run only in webhook mode.");
        }
        catch (ApiRequestException e) when (e.ErrorCode == 401)
        {
            throw new TradeguardException(ExitCode.Configuration,
                "Telegram answered 401 Unauthorized: the bot token is wrong or was revoked. Store the current token from @BotFather in the vault.");
        }

        foreach (var update in updates.OrderBy(u => u.Id))
        {
            var decision = await bot.HandleAsync(update, cancellationToken).ConfigureAwait(false);
            _logger.LogDebug("Update {UpdateId}: {Verdict}", update.Id, decision.Verdict);
        }

        return updates.Length;
    }

    /// <summary>Polls until <paramref name="cancellationToken"/> fires; transient failures back off (2 s doubling to 5 min).</summary>
    /// <exception cref="TradeguardException">On 409 Conflict or 401, as <see cref="PollOnceAsync"/>.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(cancellationToken).ConfigureAwait(false);
                failures = 0;
                continue;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException e)
            {
                _logger.LogWarning("getUpdates failed: HTTP {Code}", e.ErrorCode);
                failures++;
                if (e.Parameters?.RetryAfter is { } retryAfter)
                {
                    await Task.Delay(TimeSpan.FromSeconds(retryAfter), _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            catch (Exception e) when (e is RequestException or HttpRequestException)
            {
                // Transport failures only: the messages may hold the request URL, and with it the token.
                _logger.LogWarning("getUpdates failed: Telegram could not be reached; retrying with back-off");
                failures++;
            }

            await Task.Delay(BackoffPolicy.Delay(failures, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5)), _time, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
