using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tradeguard.Alerts.Channels;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Redaction;

namespace Tradeguard.Alerts.Dispatch;

/// <summary>
/// Sends what the outbox holds: oldest first per recipient, never a later message before an earlier one, within the
/// token-bucket limits of <see cref="DispatchOptions"/>, and records every outcome (DESIGN.md, "Alerts").
/// </summary>
/// <remarks>
/// <para>Per outcome: accepted → sent; 429 → wait the <c>retry_after</c> the service gave; timeout, connection failure
/// or 5xx → exponential backoff, forever (an outage delays alerts, never loses them); formatting refused → resend once
/// as plain text; other 400 → failed, not retried; recipient gone (403) → recipient marked undeliverable, an audit
/// record <c>alerts.recipient_undeliverable</c> that the security alerting turns into an alert for the others.</para>
/// <para>All waiting uses the injected <see cref="TimeProvider"/>, so tests drive it on fake time. One dispatcher per
/// outbox file; the producer side (<see cref="AlertPublisher"/>) never waits for it.</para>
/// </remarks>
public sealed class AlertDispatcher : IDisposable
{
    /// <summary>The audit action recorded when a recipient blocked the bot.</summary>
    public const string RecipientUndeliverableAction = "alerts.recipient_undeliverable";

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
    /// Sends every message that is due and within the rate limits, then returns. Bounded: each round either sends or
    /// sets aside a message, or stops.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired between two sends (a send
    /// in flight is finished and recorded first, so a stop never causes a duplicate).</exception>
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
    public IReadOnlyList<StrandedAlerts> Stranded() => Stranded(_outbox.PendingByChannel());

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
        DateTimeOffset? nextDue = null;
        var blocked = new HashSet<(string, string)>();
        var rounds = _outbox.Count(OutboxState.Pending) * 2 + 1;
        for (var round = 0; round < rounds; round++)
        {
            var progressed = false;
            foreach (var head in _outbox.PendingHeads())
            {
                var key = (head.Channel, head.Recipient);
                if (blocked.Contains(key) || !_channels.TryGetValue(head.Channel, out var channel))
                {
                    continue;
                }

                var now = _time.GetUtcNow();
                if (head.NextAttemptAt > now)
                {
                    nextDue = Earliest(nextDue, head.NextAttemptAt);
                    blocked.Add(key);
                    continue;
                }

                if (!_limits.TryTake($"{head.Channel}:{head.Recipient}", channel.IsGroup(head.Recipient), out var retryAt))
                {
                    nextDue = Earliest(nextDue, retryAt);
                    blocked.Add(key);
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                _outbox.MarkAttempt(head.Id);
                var result = await SendAsync(channel, head).ConfigureAwait(false);
                progressed = true;
                switch (Apply(head, result, out var due))
                {
                    case Step.Sent:
                        sent++;
                        break;
                    case Step.SetAside:
                        setAside++;
                        break;
                    case Step.Wait:
                        blocked.Add(key);
                        nextDue = Earliest(nextDue, due);
                        break;
                    case Step.RecipientGone:
                        setAside++;
                        blocked.Add(key);
                        break;
                }
            }

            if (!progressed)
            {
                break;
            }
        }

        var pending = _outbox.PendingByChannel();
        return new DispatchPass(sent, setAside, pending.Values.Sum(), nextDue, Stranded(pending));
    }

    // A stop request never aborts a send in flight: the service may already hold the message, and abandoning the call
    // before its outcome is recorded would send it again after a restart. The send timeout still bounds the wait.
    private async Task<DeliveryResult> SendAsync(IAlertChannel channel, OutboxMessage message)
    {
        using var timeout = new CancellationTokenSource(_options.SendTimeout, _time);
        try
        {
            return await channel.SendAsync(message, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new DeliveryResult(DeliveryOutcome.Transient, $"timed out after {_options.SendTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A channel should classify its own failures; an escaped one is treated as transient, never as lost.
            return new DeliveryResult(DeliveryOutcome.Transient, Redactor.Shared.Redact(e.Message));
        }
    }

    private Step Apply(OutboxMessage message, DeliveryResult result, out DateTimeOffset due)
    {
        var now = _time.GetUtcNow();
        due = now;
        switch (result.Outcome)
        {
            case DeliveryOutcome.Delivered:
                _outbox.MarkSent(message.Id);
                _logger.LogDebug("Alert #{Id} sent via {Channel}", message.Id, message.Channel);
                return Step.Sent;

            case DeliveryOutcome.RateLimited:
                var retryAfter = result.RetryAfter is { } r && r > TimeSpan.Zero ? r : TimeSpan.FromSeconds(1);
                due = now + retryAfter;
                _outbox.Reschedule(message.Id, due, result.Reason);
                _logger.LogWarning("Alert #{Id}: flood control, waiting {Seconds} s as asked", message.Id, retryAfter.TotalSeconds);
                return Step.Wait;

            case DeliveryOutcome.Transient:
                var delay = BackoffPolicy.Delay(message.Attempts + 1, _options.InitialBackoff, _options.MaxBackoff);
                due = now + delay;
                _outbox.Reschedule(message.Id, due, result.Reason);
                _logger.LogWarning("Alert #{Id} not sent ({Reason}); next try in {Seconds} s", message.Id, result.Reason, delay.TotalSeconds);
                return Step.Wait;

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
                return Step.RecipientGone;
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
        RecipientGone,
    }
}
