using System.Globalization;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Audit;

namespace Tradeguard.Alerts.Security;

/// <summary>
/// An <see cref="IAuditLog"/> decorator that records every event in the inner log and turns the security-relevant ones
/// (lockouts, failed logins, refused Telegram senders, vault reveals, the kill switch, unreachable recipients, masked
/// secrets, new Telegram links) into security alerts. This is how other modules' security events reach operators
/// without depending on Alerts.
/// </summary>
/// <remarks>
/// A burst raises one alert: per action at most one alert per <c>window</c> (default 5 minutes); the next alert after
/// a quiet spell says how many were held back. New Telegram links and the kill switch are never held back. An alert
/// becomes sendable only after its record is written (an alert is never the only trace), and is never lost to a kill
/// in between (<see cref="Record"/>).
/// </remarks>
public sealed class SecurityAlertingAuditLog : IAuditLog
{
    /// <summary>Actions that raise an alert, with the summary an operator reads. A denied <c>identity.login</c> too.</summary>
    public static IReadOnlyDictionary<string, string> DefaultActions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["identity.lockout"] = "Account locked after failed logins",
        ["identity.login"] = "Failed login",
        ["telegram.rejected"] = "Telegram command refused",
        ["telegram.confirm"] = "Telegram confirmation refused",
        ["telegram.link"] = "Telegram account linked",
        ["vault.reveal"] = "Vault secret revealed",
        ["engine.kill_switch"] = "Kill switch engaged",
        ["gateway.endpoint_refused"] = "Gateway refused a bot's request outside the trading allowlist",
        ["gateway.auth"] = "Gateway refused a bot's request (unknown key, bad signature, stale or replayed)",
        ["gateway.admin_auth"] = "Gateway refused an operator command (admin token missing or wrong)",
        ["gateway.channel_peer_refused"] = "Another local user tried the gateway's bot channel",
        ["exchange.withdrawal_key_allowed"] = "Exchange API key that can withdraw or transfer funds allowed (--allow-withdrawal-keys)",
        [Dispatch.AlertDispatcher.RecipientUndeliverableAction] = "Alert recipient unreachable (blocked the bot?)",
        [AlertPublisher.SecretMaskedAction] = "An outgoing message held a secret and was masked",
    };

    [ThreadStatic]
    private static int t_depth;

    private readonly IAuditLog _inner;
    private readonly Func<AlertPublisher?> _publisher;
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly IReadOnlyDictionary<string, string> _actions;
    private readonly Dictionary<string, (DateTimeOffset LastAlert, int HeldBack)> _throttle = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _sequence;

    /// <summary>Creates the decorator.</summary>
    /// <param name="inner">The real audit log; every event goes there first.</param>
    /// <param name="publisher">Supplies the publisher (a function, because the publisher's own audit log is often this one).</param>
    /// <param name="time">The clock for the throttle.</param>
    /// <param name="window">At most one alert per action per window; default 5 minutes.</param>
    /// <param name="actions">Which actions alert, with their summaries; default <see cref="DefaultActions"/>.</param>
    public SecurityAlertingAuditLog(IAuditLog inner, Func<AlertPublisher?> publisher, TimeProvider? time = null,
        TimeSpan? window = null, IReadOnlyDictionary<string, string>? actions = null)
    {
        _inner = inner;
        _publisher = publisher;
        _time = time ?? TimeProvider.System;
        _window = window ?? TimeSpan.FromMinutes(5);
        _actions = actions ?? DefaultActions;
    }

    /// <summary>The line a recovered alert carries: its process died between committing it and writing its audit record.</summary>
    public const string RecoveredNote = "(recovered at the next start: the process that raised it stopped first; check the audit log)";

    /// <inheritdoc />
    /// <remarks>
    /// The alert is committed held (not sendable) first, then the record is written, then the alert is released: a kill
    /// between the two leaves a held alert that the next start releases (<see cref="OutboxStore.RecoverHeld"/>), never a
    /// record whose alert is lost. A failed write releases nothing: no alert without its record.
    /// </remarks>
    public void Record(AuditEvent auditEvent)
    {
        var alert = _actions.TryGetValue(auditEvent.Action, out var summary) && IsAlarming(auditEvent) && t_depth == 0
            ? AlertFor(auditEvent, summary)
            : null;
        if (alert is null)
        {
            _inner.Record(auditEvent);
            return;
        }

        t_depth++;
        try
        {
            var publisher = _publisher();
            var held = publisher?.PublishHeld(alert);
            _inner.Record(auditEvent);
            if (held is not null)
            {
                publisher!.Release(held);
            }
        }
        finally
        {
            t_depth--;
        }
    }

    /// <inheritdoc />
    /// <remarks>An event that would raise a security alert is never deferred: it is written as <see cref="Record"/> writes it.</remarks>
    public void Post(AuditEvent auditEvent)
    {
        if (_actions.ContainsKey(auditEvent.Action) && IsAlarming(auditEvent))
        {
            Record(auditEvent);
        }
        else
        {
            _inner.Post(auditEvent);
        }
    }

    /// <summary>Releases the security alerts that processes now gone committed but never released (see <see cref="Record"/>).</summary>
    /// <returns>How many outbox messages were released.</returns>
    public static int RecoverHeld(OutboxStore outbox) => outbox.RecoverHeld(IsRunning, RecoveredNote);

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Null when the throttle holds it back (counted for the next one).
    private Alert? AlertFor(AuditEvent auditEvent, string summary)
    {
        var now = _time.GetUtcNow();
        int heldBack;
        long sequence;
        lock (_gate)
        {
            if (_throttle.TryGetValue(auditEvent.Action, out var state) && now - state.LastAlert < _window && !IsRare(auditEvent.Action))
            {
                _throttle[auditEvent.Action] = state with { HeldBack = state.HeldBack + 1 };
                return null;
            }

            heldBack = state.HeldBack;
            _throttle[auditEvent.Action] = (now, 0);
            sequence = ++_sequence;
        }

        var text = string.IsNullOrEmpty(auditEvent.Target) ? summary : $"{summary}: {auditEvent.Target}";
        if (heldBack > 0)
        {
            text += $" (+{heldBack} more held back in the last {_window.TotalMinutes:0} min)";
        }

        return new Alert(AlertKinds.ForAuditAction(auditEvent.Action), text, now)
        {
            DedupeKey = string.Create(CultureInfo.InvariantCulture, $"security-{auditEvent.Action}-{now.UtcTicks}-{Environment.ProcessId}-{sequence}"),
        };
    }

    // Each of these is rare and each matters on its own: never held back.
    private static bool IsRare(string action) => action is "telegram.link" or "engine.kill_switch" or "exchange.withdrawal_key_allowed";

    // A successful login or link is routine except for linking, which admins should always hear about.
    private static bool IsAlarming(AuditEvent e) =>
        e.Outcome != AuditOutcome.Success || e.Action is "telegram.link" or "vault.reveal" or "engine.kill_switch" or "exchange.withdrawal_key_allowed";
}
