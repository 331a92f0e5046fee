using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Tradeguard.Alerts;
using Tradeguard.Alerts.Channels;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Redaction;

namespace Tradeguard.Telegram;

/// <summary>
/// Delivers outbox messages with the Bot API: text by <c>sendMessage</c> (HTML, escaped, headline in bold; plain once
/// the formatted text was refused), sealed details by <c>sendDocument</c>. Failures are classified for the dispatcher,
/// matching on HTTP status and <c>parameters</c> first and on the description only for "can't parse entities"
/// (Bot API "Making requests"; fixtures in tests/…/Fixtures).
/// </summary>
public sealed class TelegramChannel(ITelegramBotClient client, ILogger? logger = null) : IAlertChannel
{
    /// <summary>The channel name, <c>telegram</c>.</summary>
    public const string ChannelName = "telegram";

    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <inheritdoc />
    public int MaxTextLength => MessageSplitter.TelegramMaxLength;

    /// <summary>Group and supergroup chat ids are negative (Bot API, <c>Chat.id</c>).</summary>
    public bool IsGroup(string recipient) => recipient.StartsWith('-');

    /// <inheritdoc />
    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!long.TryParse(message.Recipient, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return new DeliveryResult(DeliveryOutcome.Rejected, $"'{message.Recipient}' is not a Telegram chat id");
        }

        var method = message.Attachment is null ? "sendMessage" : "sendDocument";
        try
        {
            if (message.Attachment is not null)
            {
                using var stream = new MemoryStream(message.Attachment, writable: false);
                await client.SendDocument(chatId, InputFile.FromStream(stream, message.AttachmentName ?? "details.age"),
                    disableNotification: message.Silent, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var text = Redactor.Shared.Redact(message.Text ?? string.Empty);
                if (message.PlainOnly)
                {
                    await client.SendMessage(chatId, text, ParseMode.None, disableNotification: message.Silent,
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await client.SendMessage(chatId, TelegramHtml.Format(text), ParseMode.Html, disableNotification: message.Silent,
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }

            return DeliveryResult.Delivered;
        }
        catch (ApiRequestException e)
        {
            return Classify(method, e);
        }
        catch (RequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            return Transport(method, e);
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            return Transport(method, e);
        }
    }

    /// <summary>
    /// A transport failure is "not sent" only when the request provably never left: no connection could be made (name
    /// resolution, connect, TLS, proxy), or an HTTP answer came back that was not the Bot API's (a proxy's 502 page).
    /// Anything else (the connection dropped or the answer broke off after the request was written) may have been
    /// accepted: <see cref="DeliveryOutcome.Unknown"/>.
    /// </summary>
    private DeliveryResult Transport(string method, Exception e)
    {
        var reason = Redactor.Shared.Redact($"{method}: {e.Message}");
        var http = e as HttpRequestException ?? e.InnerException as HttpRequestException;
        var notSent = (e as RequestException)?.HttpStatusCode is not null || http?.HttpRequestError is
            HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or
            HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
        _logger.LogDebug("Telegram {Method} transport failure ({Outcome}): {Reason}", method, notSent ? "not sent" : "outcome unknown", reason);
        return new DeliveryResult(notSent ? DeliveryOutcome.Transient : DeliveryOutcome.Unknown, reason);
    }

    private static DeliveryResult Classify(string method, ApiRequestException e)
    {
        var reason = Redactor.Shared.Redact($"{method} HTTP {e.ErrorCode}: {e.Message}");
        return e.ErrorCode switch
        {
            (int)HttpStatusCode.TooManyRequests => new DeliveryResult(DeliveryOutcome.RateLimited, reason,
                TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1)),
            (int)HttpStatusCode.BadRequest when e.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase) =>
                new DeliveryResult(DeliveryOutcome.FormattingRejected, reason),
            (int)HttpStatusCode.BadRequest => new DeliveryResult(DeliveryOutcome.Rejected, reason),
            (int)HttpStatusCode.Forbidden => new DeliveryResult(DeliveryOutcome.RecipientGone, reason),
            // 401 is a configuration fault (bad or revoked token): keep the alerts and keep backing off until it is fixed.
            _ => new DeliveryResult(DeliveryOutcome.Transient, reason),
        };
    }
}
