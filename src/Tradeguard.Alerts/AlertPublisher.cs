using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tradeguard.Alerts.Channels;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Redaction;

namespace Tradeguard.Alerts;

/// <summary>
/// The producer side: renders an alert through the <see cref="ExposurePolicy"/>, masks any secret, splits it to the
/// channel's length limit and commits it to the outbox, then wakes the dispatcher. It never touches the network, so the
/// engine keeps running whatever Telegram does. Routed alerts repeating one line within the <see cref="RepeatFolder"/>'s
/// window are folded: sent once, then told once as a tally (security alerts, sealed details and replies never are).
/// </summary>
public sealed class AlertPublisher
{
    /// <summary>The audit action recorded when an outgoing text held a secret and was masked.</summary>
    public const string SecretMaskedAction = "alerts.secret_masked";

    private readonly OutboxStore _outbox;
    private readonly ExposurePolicy _policy;
    private readonly IAlertRouting _routing;
    private readonly Dictionary<string, int> _maxLengths;
    private readonly IAuditLog _audit;
    private readonly Redactor _redactor;
    private readonly RepeatFolder? _folder;
    private readonly ITimer? _tallyTimer;

    /// <summary>Creates a publisher.</summary>
    /// <param name="outbox">Where messages are committed.</param>
    /// <param name="policy">The exposure policy.</param>
    /// <param name="routing">Who gets which alert.</param>
    /// <param name="channels">The channels in use, for their length limits.</param>
    /// <param name="audit">Where masked texts are recorded (as <c>alerts.secret_masked</c>).</param>
    /// <param name="redactor">The redactor; <see cref="Redactor.Shared"/> unless a test isolates one.</param>
    /// <param name="folder">Folds repeated routed alerts; null sends every one.</param>
    public AlertPublisher(OutboxStore outbox, ExposurePolicy policy, IAlertRouting routing,
        IEnumerable<IAlertChannel> channels, IAuditLog? audit = null, Redactor? redactor = null, RepeatFolder? folder = null)
    {
        _folder = folder;
        // Tells a window's tally when it closes even if the line never comes again.
        _tallyTimer = folder?.Time.CreateTimer(_ => PublishTalliesFromTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _outbox = outbox;
        _policy = policy;
        _routing = routing;
        _maxLengths = channels.ToDictionary(c => c.Name, c => c.MaxTextLength, StringComparer.Ordinal);
        _audit = audit ?? NullAuditLog.Instance;
        _redactor = redactor ?? Redactor.Shared;
    }

    /// <summary>Raised after messages were committed; the dispatcher's <c>Wake</c> goes here.</summary>
    public event Action? Enqueued;

    /// <summary>
    /// Commits <paramref name="alert"/> for every recipient the routing names, as the policy renders it.
    /// </summary>
    /// <returns>How many outbox messages were added (0 when off, unrouted, or a duplicate of an earlier publish).</returns>
    public int Publish(Alert alert)
    {
        var recipients = _routing.RecipientsFor(alert);
        var rendered = _policy.Render(alert);
        if (_folder is null || alert.IsSecurity || recipients.Count == 0 || rendered is not { Attachment: null })
        {
            return Publish(alert, recipients, heldBy: null, rendered: rendered);
        }

        var line = string.Join('\u001f', recipients.Select(r => r.Channel + ":" + r.Address).Prepend(rendered.Silent ? "silent" : "loud").Prepend(rendered.Text));
        var admitted = _folder.Admit(line, alert, recipients, out var closed);
        // Due at the earliest window's close: its tally goes out (and the window is dropped) even if the line never comes again.
        _tallyTimer!.Change(_folder.UntilNextClose() ?? Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (!admitted)
        {
            return 0;
        }

        var added = closed is null ? 0 : PublishTally(closed);
        return added + Publish(alert, recipients, heldBy: null, rendered: rendered);
    }

    /// <summary>Publishes the tally of every open repeat window now (before a final drain, at shutdown).</summary>
    /// <returns>How many outbox messages were added.</returns>
    public int FlushRepeats() => _folder is null ? 0 : PublishTallies(all: true);

    /// <summary>
    /// Commits <paramref name="alert"/> for the given recipients only (a command reply rendered through the policy).
    /// </summary>
    /// <returns>How many outbox messages were added (0 when the kind is off, or a duplicate).</returns>
    public int Publish(Alert alert, IReadOnlyList<AlertRecipient> recipients) => Publish(alert, recipients, heldBy: null);

    /// <summary>
    /// Commits <paramref name="alert"/> for its recipients, held back until <see cref="Release"/>: for an alert that must
    /// not be lost when the process dies between committing it and writing its audit record
    /// (<see cref="Security.SecurityAlertingAuditLog"/>). <see cref="OutboxStore.RecoverHeld"/> releases what a dead
    /// process held.
    /// </summary>
    /// <returns>The dedupe key to pass to <see cref="Release"/>, or null when nothing was committed.</returns>
    public string? PublishHeld(Alert alert) =>
        Publish(alert, _routing.RecipientsFor(alert), Environment.ProcessId) > 0 ? alert.DedupeKey ?? DefaultKey(alert) : null;

    /// <summary>Releases the messages of a <see cref="PublishHeld"/> so the dispatcher sends them.</summary>
    public void Release(string dedupeKey)
    {
        _outbox.Release(dedupeKey);
        Enqueued?.Invoke();
    }

    private int PublishTallies(bool all)
    {
        var added = _folder!.TakeClosed(all).Sum(PublishTally);
        _tallyTimer!.Change(_folder.UntilNextClose() ?? Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return added;
    }

    private int PublishTally(RepeatTally tally) =>
        Publish(tally.First with { DedupeKey = (tally.First.DedupeKey ?? DefaultKey(tally.First)) + "#x" + tally.Count.ToString(CultureInfo.InvariantCulture) },
            tally.Recipients, heldBy: null, suffix: tally.Suffix);

    private void PublishTalliesFromTimer()
    {
        try
        {
            PublishTallies(all: false);
        }
        catch (Exception e)
        {
            // A timer thread must not take the process down (the outbox closed at shutdown, a full disk): the tally is
            // lost, the alerts it counted are in the audit log.
            Console.Error.WriteLine($"alerts: a repeat tally could not be queued: {_redactor.Redact(e.Message)}");
        }
    }

    // rendered: when the caller already rendered the alert (null renders it here).
    private int Publish(Alert alert, IReadOnlyList<AlertRecipient> recipients, int? heldBy, string suffix = "", RenderedAlert? rendered = null)
    {
        rendered ??= _policy.Render(alert);
        if (rendered is null)
        {
            return 0;
        }

        var key = alert.DedupeKey ?? DefaultKey(alert);
        var added = 0;
        foreach (var recipient in recipients)
        {
            var messages = Messages(recipient, alert.Kind, key, rendered.Text + suffix, rendered.Silent).ToList();
            if (rendered.Attachment is { } attachment)
            {
                messages.Add(new NewOutboxMessage(recipient.Channel, recipient.Address, alert.Kind, key + "#sealed", null,
                    rendered.Silent, attachment.FileName, attachment.Content));
            }

            added += heldBy is { } pid ? _outbox.EnqueueHeld(messages, pid) : _outbox.Enqueue(messages);
        }

        if (added > 0 && heldBy is null)
        {
            Enqueued?.Invoke();
        }

        return added;
    }

    /// <summary>
    /// Commits a plain text (a command reply) for one recipient, masked and split like an alert.
    /// </summary>
    /// <param name="recipient">Where it goes.</param>
    /// <param name="kind">A kind for listing, e.g. <c>telegram.reply</c>.</param>
    /// <param name="dedupeKey">Unique per recipient, e.g. <c>update-815400103</c>, so a replayed update is answered once.</param>
    /// <param name="text">The text.</param>
    /// <returns>How many outbox messages were added.</returns>
    public int PublishText(AlertRecipient recipient, string kind, string dedupeKey, string text)
    {
        var added = _outbox.Enqueue(Messages(recipient, kind, dedupeKey, text, silent: false).ToList());
        if (added > 0)
        {
            Enqueued?.Invoke();
        }

        return added;
    }

    private IEnumerable<NewOutboxMessage> Messages(AlertRecipient recipient, string kind, string key, string text, bool silent)
    {
        var safe = Mask(text, kind, recipient);
        var limit = _maxLengths.TryGetValue(recipient.Channel, out var max) ? max : MessageSplitter.TelegramMaxLength;
        var parts = MessageSplitter.Split(safe, limit);
        for (var i = 0; i < parts.Count; i++)
        {
            var partKey = parts.Count == 1 ? key : $"{key}#{i + 1}/{parts.Count}";
            yield return new NewOutboxMessage(recipient.Channel, recipient.Address, kind, partKey, parts[i], silent);
        }
    }

    private string Mask(string text, string kind, AlertRecipient recipient)
    {
        if (!_redactor.ContainsSecret(text))
        {
            return text;
        }

        // The record names where the text was going, never what it held.
        _audit.Record(new AuditEvent("system", SecretMaskedAction, $"{recipient.Channel}:{recipient.Address}", AuditOutcome.Denied,
            "an outgoing text held a secret and was masked",
            new Dictionary<string, string> { ["kind"] = kind }));
        return _redactor.Redact(text);
    }

    private static string DefaultKey(Alert alert)
    {
        var identity = string.Join('\u001f', alert.Kind, alert.Summary, alert.Symbol ?? "", alert.Side ?? "",
            alert.Mode.ToString(), alert.Time.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return "auto-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }
}
