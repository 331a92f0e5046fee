namespace Tradeguard.Alerts.Channels;

/// <summary>How one send attempt ended, as a channel classifies it.</summary>
public enum DeliveryOutcome
{
    /// <summary>The service accepted the message.</summary>
    Delivered,

    /// <summary>Flood control (HTTP 429): wait <see cref="DeliveryResult.RetryAfter"/> before trying that message again.</summary>
    RateLimited,

    /// <summary>
    /// Not sent, known for sure (the connection could not be made, or the service answered with a 5xx or another error
    /// that says it did not take the message): retry with exponential backoff.
    /// </summary>
    Transient,


    /// <summary>The formatted text could not be parsed (400 "can't parse entities"): resend once as plain text.</summary>
    FormattingRejected,

    /// <summary>The request itself was refused (other 400s): never retried as is.</summary>
    Rejected,

    /// <summary>The recipient cannot be reached (403: blocked the bot, kicked): stop sending to it.</summary>
    RecipientGone,

    /// <summary>
    /// The request left the process but no answer came (timeout, connection dropped mid-exchange): the service may or may
    /// not hold the message. The dispatcher resends it at most once (<see cref="Dispatch.DispatchOptions.UnknownOutcomeResendDelay"/>).
    /// </summary>
    Unknown,
}

/// <summary>The result of one send attempt.</summary>
/// <param name="Outcome">The classification.</param>
/// <param name="Reason">A short description without secrets (method, status, description); empty on success.</param>
/// <param name="RetryAfter">For <see cref="DeliveryOutcome.RateLimited"/>: the wait the service asked for.</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string Reason = "", TimeSpan? RetryAfter = null)
{
    /// <summary>A successful delivery.</summary>
    public static DeliveryResult Delivered { get; } = new(DeliveryOutcome.Delivered);
}
