using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tradeguard.Alerts.Channels;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Redaction;

namespace Tradeguard.Alerts.Dispatch;

/// <summary>
/// Sends what the outbox holds: oldest first per recipient, never a later message before an earlier one, several
/// recipients at once within the limits of <see cref="DispatchOptions"/> (<see cref="DeliveryRateLimits"/>), and records
/// every outcome (DESIGN.md, "Alerts"; docs/alerts.md states the delivery guarantee).
/// </summary>
/// <remarks>
/// <para>Per outcome: accepted → sent; 429 → wait the <c>retry_after</c> the service gave; not sent for sure (no
/// connection, 5xx) → exponential backoff, forever (an outage delays alerts, never loses them); unknown (the request left
/// and no answer came: timeout, dropped connection) → one resend after <see cref="DispatchOptions.UnknownOutcomeResendDelay"/>,
/// marked with <see cref="ResendNote"/>, and if that one is unknown too, <see cref="OutboxState.PossiblySent"/>, so no
/// message is ever delivered more than twice; formatting refused → resend once
/// as plain text; other 400 → failed, not retried; recipient gone (403) → recipient marked undeliverable, an audit
/// record <c>alerts.recipient_undeliverable</c> that the security alerting turns into an alert for the others.</para>
/// <para>All waiting uses the injected <see cref="TimeProvider"/>, so tests drive it on fake time. One dispatcher per
/// outbox file; the producer side (<see cref="AlertPublisher"/>) never waits for it.</para>
/// </remarks>
public sealed class AlertDispatcher : IDisposable
{
    /// <summary>The audit action recorded when a recipient blocked the bot.</summary>
    public const string RecipientUndeliverableAction = "alerts.recipient_undeliverable";

    /// <summary>The line added to the one resend of a message whose first send has an unknown outcome.</summary>
    public const string ResendNote = "(sent again: the first copy's delivery was not confirmed, so this may repeat it)";

    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);

    private readonly OutboxStore _outbox;
    private readonly Dictionary<string, IAlertChannel> _channels;
    private readonly IAuditLog _audit;
    private readonly DispatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DeliveryRateLimits _limits;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _passGate = new(1, 1);

    /// <summary>Creates a dispatcher over <paramref name="outbox"/> and the channels it may use.</summary>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 when <paramref name="options"/> are out of range.</exception>
    public AlertDispatcher(OutboxStore outbox, IEnumerable<IAlertChannel> channels, IAuditLog? audit = null,
        DispatchOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        _outbox = outbox;
        _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _audit = audit ?? NullAuditLog.Instance;
        _options = (options ?? new DispatchOptions()).Validate();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _limits = new DeliveryRateLimits(_options, _time);
    }

    /// <summary>Asks a running <see cref="RunAsync"/> to look at the outbox now (called after an enqueue).</summary>
    public void Wake()
    {
        lock (_wake)
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
    }

    /// <summary>
    /// Sends every message that is due, concurrently up to the limits, and returns when nothing is in flight and nothing
    /// more may start now (<see cref="DispatchPass.NextDueAt"/> says when something may).
    /// </summary>
    /// <remarks>When <paramref name="cancellationToken"/> fires, no send starts after it, and the pass returns once the
    /// sends in flight are finished and recorded (abandoning one could cause a duplicate).</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired before the pass began.</exception>
    public async Task<DispatchPass> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        await _passGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DispatchDueCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _passGate.Release();
        }
    }

    /// <summary>
    /// Dispatches until <paramref name="cancellationToken"/> fires: a pass, then a wait until the next message is due
    /// or <see cref="Wake"/> is called.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var pass = await DispatchDueAsync(cancellationToken).ConfigureAwait(false);
                wait = pass.NextDueAt is { } due ? Clamp(due - _time.GetUtcNow()) : IdleWait;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                _logger.LogError("Alert outbox unavailable (SQLite error {Code}); retrying in {Seconds} s", e.SqliteErrorCode, IdleWait.TotalSeconds);
                wait = IdleWait;
            }

            await WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Pending messages for channels this dispatcher does not have, per channel (ordered by name): it never sends them
    /// and a flush must not wait on them; they stay queued for a dispatcher that has the channel.
    /// </summary>
    public IReadOnlyList<StrandedAlerts> Stranded() => Stranded(PendingByChannel());

    /// <summary>Pending messages on every channel a dispatcher sends (all but those held for the next CLI command).</summary>
    public int Pending() => PendingByChannel().Values.Sum();

    // Alerts held for the next CLI command are that command's to show (SecurityRouting): no dispatcher sends or waits on them.
    private Dictionary<string, int> PendingByChannel() =>
        _outbox.PendingByChannel().Where(p => p.Key != SecurityRouting.HeldChannel).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <inheritdoc />
    public void Dispose()
    {
        _limits.Dispose();
        _wake.Dispose();
        _passGate.Dispose();
    }

    private IReadOnlyList<StrandedAlerts> Stranded(IReadOnlyDictionary<string, int> pendingByChannel) =>
        pendingByChannel.Where(p => !_channels.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new StrandedAlerts(p.Key, p.Value)).ToList();

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > IdleWait ? IdleWait : wait;

    private async Task<DispatchPass> DispatchDueCoreAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var setAside = 0;
        var inFlight = new Dictionary<Task<DeliveryResult>, (OutboxMessage Message, string? ChatKey)>();
        var busy = new HashSet<(string, string)>();
        while (true)
        {
            DateTimeOffset? nextDue = null;
            if (!cancellationToken.IsCancellationRequested)
            {
                nextDue = StartDueSends(inFlight, busy);
            }

            if (inFlight.Count == 0)
            {
                var pending = PendingByChannel();
                return new DispatchPass(sent, setAside, pending.Values.Sum(), nextDue, Stranded(pending));
            }

            var finished = await WhenAnyAsync(inFlight.Keys, nextDue, cancellationToken).ConfigureAwait(false);
            foreach (var task in finished)
            {
                var (message, chatKey) = inFlight[task];
                inFlight.Remove(task);
                var result = await task.ConfigureAwait(false);
                if (chatKey is not null)
                {
                    _limits.Completed(chatKey, answered: result.Outcome != DeliveryOutcome.Unknown);
                }
                busy.Remove((message.Channel, message.Recipient));
                switch (Apply(message, result))
                {
                    case Step.Sent:
                        sent++;
                        break;
                    case Step.SetAside:
                        setAside++;
                        break;
                }
            }
        }
    }

    // Starts a send for every recipient whose oldest pending message is due and within the limits, one in flight per
    // recipient (so each keeps its order); returns when the earliest of the others may start.
    private DateTimeOffset? StartDueSends(Dictionary<Task<DeliveryResult>, (OutboxMessage, string?)> inFlight, HashSet<(string, string)> busy)
    {
        DateTimeOffset? nextDue = null;
        foreach (var head in _outbox.PendingHeads())
        {
            var key = (head.Channel, head.Recipient);
            if (inFlight.Count >= _options.MaxConcurrentSends)
            {
                break;
            }

            if (busy.Contains(key) || !_channels.TryGetValue(head.Channel, out var channel))
            {
                continue;
            }

            if (head.NextAttemptAt > _time.GetUtcNow())
            {
                nextDue = Earliest(nextDue, head.NextAttemptAt);
                continue;
            }

            var chatKey = channel.IsRateLimited ? $"{head.Channel}:{head.Recipient}" : null;
            if (chatKey is not null && !_limits.TryTake(chatKey, channel.IsGroup(head.Recipient), out var retryAt))
            {
                nextDue = Earliest(nextDue, retryAt);
                continue;
            }

            _outbox.MarkAttempt(head.Id);
            if (chatKey is not null)
            {
                _limits.Started(chatKey);
            }

            busy.Add(key);
            inFlight.Add(SendAsync(channel, head), (head, chatKey));
        }

        return nextDue;
    }

    // Waits until a send finishes, or until the next send may start, or a stop; returns the finished sends.
    private async Task<List<Task<DeliveryResult>>> WhenAnyAsync(IEnumerable<Task<DeliveryResult>> sends, DateTimeOffset? nextDue,
        CancellationToken cancellationToken)
    {
        var tasks = new List<Task>(sends);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (nextDue is { } due && !cancellationToken.IsCancellationRequested)
        {
            tasks.Add(Task.Delay(Clamp(due - _time.GetUtcNow()), _time, stop.Token));
        }

        await Task.WhenAny(tasks).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        return sends.Where(t => t.IsCompleted).ToList();
    }

    // A stop request never aborts a send in flight: the service may already hold the message, and abandoning the call
    // before its outcome is recorded would send it again after a restart. The send timeout still bounds the wait.
    private async Task<DeliveryResult> SendAsync(IAlertChannel channel, OutboxMessage message)
    {
        using var timeout = new CancellationTokenSource(_options.SendTimeout, _time);
        try
        {
            return await channel.SendAsync(Resend(message), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The request may have reached the service and been accepted; only its answer is missing.
            return new DeliveryResult(DeliveryOutcome.Unknown, $"no answer within {_options.SendTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A channel should classify its own failures; an escaped one may have happened after the request left.
            return new DeliveryResult(DeliveryOutcome.Unknown, Redactor.Shared.Redact(e.Message));
        }
    }

    // The one resend after an unknown outcome says so, so that a reader who got both copies knows they are one alert.
    private static OutboxMessage Resend(OutboxMessage message) =>
        message is { UnknownOutcomes: > 0, Text: { } text } ? message with { Text = text + "\n" + ResendNote } : message;

    private Step Apply(OutboxMessage message, DeliveryResult result)
    {
        var now = _time.GetUtcNow();
        switch (result.Outcome)
        {
            case DeliveryOutcome.Delivered:
                _outbox.MarkSent(message.Id);
                _logger.LogDebug("Alert #{Id} sent via {Channel}", message.Id, message.Channel);
                return Step.Sent;

            case DeliveryOutcome.RateLimited:
                var retryAfter = result.RetryAfter is { } r && r > TimeSpan.Zero ? r : TimeSpan.FromSeconds(1);
                _outbox.Reschedule(message.Id, now + retryAfter, result.Reason);
                _logger.LogWarning("Alert #{Id}: flood control, waiting {Seconds} s as asked", message.Id, retryAfter.TotalSeconds);
                return Step.Wait;

            case DeliveryOutcome.Transient:
                var delay = BackoffPolicy.Delay(message.Attempts + 1, _options.InitialBackoff, _options.MaxBackoff);
                _outbox.Reschedule(message.Id, now + delay, result.Reason);
                _logger.LogWarning("Alert #{Id} not sent ({Reason}); next try in {Seconds} s", message.Id, result.Reason, delay.TotalSeconds);
                return Step.Wait;

            case DeliveryOutcome.Unknown when message.UnknownOutcomes == 0:
                _outbox.MarkUnknownOutcome(message.Id, now + _options.UnknownOutcomeResendDelay, result.Reason);
                _logger.LogWarning("Alert #{Id}: outcome unknown ({Reason}); sending it once more, marked as a possible repeat, in {Seconds} s",
                    message.Id, result.Reason, _options.UnknownOutcomeResendDelay.TotalSeconds);
                return Step.Wait;

            case DeliveryOutcome.Unknown:
                _outbox.MarkPossiblySent(message.Id, result.Reason);
                _logger.LogError("Alert #{Id}: outcome of its resend unknown too ({Reason}); set aside as possibly sent ('tradeguard alerts retry {Id}' sends it again)",
                    message.Id, result.Reason, message.Id);
                return Step.SetAside;

            case DeliveryOutcome.FormattingRejected when !message.PlainOnly:
                _outbox.MarkPlainOnly(message.Id, result.Reason);
                _logger.LogWarning("Alert #{Id}: formatting refused, resending once as plain text", message.Id);
                return Step.Retry;

            case DeliveryOutcome.FormattingRejected:
            case DeliveryOutcome.Rejected:
                _outbox.MarkFailed(message.Id, result.Reason);
                _logger.LogError("Alert #{Id} refused by {Channel} and not retried: {Reason}", message.Id, message.Channel, result.Reason);
                return Step.SetAside;

            default:
                var moved = _outbox.MarkRecipientUndeliverable(message.Channel, message.Recipient, result.Reason);
                _logger.LogError("Recipient {Channel}:{Recipient} is gone ({Reason}); {Count} alerts set aside", message.Channel,
                    message.Recipient, result.Reason, moved);
                _audit.Record(new AuditEvent("system", RecipientUndeliverableAction, $"{message.Channel}:{message.Recipient}",
                    AuditOutcome.Failure, result.Reason));
                return Step.SetAside;
        }
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Task.WhenAny(_wake.WaitAsync(stop.Token), Task.Delay(wait, _time, stop.Token)).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    private enum Step
    {
        Sent,
        SetAside,
        Retry,
        Wait,
    }
}
