using Tradeguard.Alerts.Outbox;

namespace Tradeguard.Alerts.Channels;

/// <summary>
/// A way to reach operators (console, Telegram; e-mail or webhooks can follow). The dispatcher hands a channel one
/// outbox message at a time, in order per recipient, and decides about retries from the <see cref="DeliveryResult"/>.
/// </summary>
public interface IAlertChannel
{
    /// <summary>The channel's name in the outbox and config: <c>console</c>, <c>telegram</c>.</summary>
    string Name { get; }

    /// <summary>The longest text one message may carry, in UTF-16 code units.</summary>
    int MaxTextLength { get; }

    /// <summary>False for a local channel without service limits (the console): its sends skip the rate limits. Default true.</summary>
    bool IsRateLimited => true;

    /// <summary>True when <paramref name="recipient"/> is a group chat (stricter rate limit).</summary>
    bool IsGroup(string recipient);

    /// <summary>
    /// Sends one message. Must not throw for delivery failures: they are classified in the result. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires (the dispatcher's send
    /// timeout or shutdown).
    /// </summary>
    Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
