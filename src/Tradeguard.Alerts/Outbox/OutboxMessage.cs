namespace Tradeguard.Alerts.Outbox;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be sent (or to be retried at <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>Accepted by the channel.</summary>
    Sent,

    /// <summary>Refused for good (a 400 that is not a formatting error); <c>alerts retry</c> re-queues it.</summary>
    Failed,

    /// <summary>Its recipient blocked the bot or is gone; <c>alerts retry</c> re-queues it once the cause is fixed.</summary>
    Undeliverable,

    /// <summary>
    /// Sent twice, and neither send's outcome is known (the request left, no answer came): it may have arrived once,
    /// twice or not at all. Not sent again on its own; <c>alerts list --state possiblysent</c> shows it and
    /// <c>alerts retry</c> re-queues it.
    /// </summary>
    PossiblySent,

    /// <summary>
    /// Committed but not yet released: its alert's audit record is being written (<see cref="OutboxStore.EnqueueHeld"/>).
    /// Released right after, or at the next start if the process died in between.
    /// </summary>
    Held,
}

/// <summary>
/// One message in the durable outbox: a text or a sealed attachment for one recipient on one channel.
/// </summary>
/// <param name="Id">Row id; increases with enqueue order, which is the send order per recipient.</param>
/// <param name="Channel">Channel name (<c>telegram</c>, <c>console</c>).</param>
/// <param name="Recipient">Channel address (Telegram chat id as decimal text).</param>
/// <param name="Kind">The alert's event kind, for listing and purging.</param>
/// <param name="DedupeKey">Unique per channel and recipient: enqueuing the same key again is a no-op.</param>
/// <param name="Text">Plain text (already redacted), or null for an attachment.</param>
/// <param name="Silent">Deliver without a notification sound.</param>
/// <param name="PlainOnly">Send without formatting (set after the formatted text was refused once).</param>
/// <param name="AttachmentName">File name of the sealed attachment, or null.</param>
/// <param name="Attachment">The age file, or null.</param>
/// <param name="CreatedAt">When it was enqueued.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Attempts">Send attempts started so far (counted before each attempt, so a crash mid-send shows).</param>
/// <param name="NextAttemptAt">Not sent before this time (backoff, <c>retry_after</c>).</param>
/// <param name="LastError">The last failure's reason, without secrets.</param>
/// <param name="SentAt">When the channel accepted it.</param>
public sealed record OutboxMessage(
    long Id,
    string Channel,
    string Recipient,
    string Kind,
    string DedupeKey,
    string? Text,
    bool Silent,
    bool PlainOnly,
    string? AttachmentName,
    byte[]? Attachment,
    DateTimeOffset CreatedAt,
    OutboxState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset? SentAt)
{
    /// <summary>Sends of this message whose outcome was unknown (timed out or dropped after the request left): 0, 1 or 2.</summary>
    public int UnknownOutcomes { get; init; }
}

/// <summary>A message to put in the outbox.</summary>
/// <param name="Channel">Channel name.</param>
/// <param name="Recipient">Channel address.</param>
/// <param name="Kind">Event kind.</param>
/// <param name="DedupeKey">Unique per channel and recipient.</param>
/// <param name="Text">Plain text, or null with an attachment.</param>
/// <param name="Silent">Deliver silently.</param>
/// <param name="AttachmentName">Attachment file name, or null.</param>
/// <param name="Attachment">Attachment bytes, or null.</param>
public sealed record NewOutboxMessage(
    string Channel,
    string Recipient,
    string Kind,
    string DedupeKey,
    string? Text,
    bool Silent = false,
    string? AttachmentName = null,
    byte[]? Attachment = null);
