using System.Globalization;
using Tradeguard.Core.Audit;

namespace Tradeguard.Audit;

/// <summary>
/// An <see cref="IAuditLog"/> that holds events in memory until the real log is attached, then passes them on in
/// order. It solves the start-up order: the vault records its own unlock before the audit log, whose key is in that
/// vault, can be opened.
/// </summary>
/// <remarks>
/// <code>
/// var audit = new DeferredAuditLog();
/// using var vault = VaultAccess.Open(path, keyFile, audit);   // "vault.unlock" waits here
/// using var log = SqliteAuditLog.OpenForInstallation(vault);
/// audit.Attach(log);                                          // ... and is written now, in one batch
/// </code>
/// Each held event gains the detail <c>occurred</c> (RFC 3339 UTC) with the time it was recorded here, since the
/// record's own time is when it reached the log. Events never attached (the vault did not open) are lost with the
/// process: without the key they cannot be chained. Thread-safe.
/// </remarks>
/// <param name="time">The clock for <c>occurred</c>; <see cref="TimeProvider.System"/> by default.</param>
public sealed class DeferredAuditLog(TimeProvider? time = null) : IAuditLog
{
    /// <summary>The detail key that carries the time a held event occurred.</summary>
    public const string OccurredDetail = "occurred";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly List<AuditEvent> _held = [];
    private IAuditLog? _target;

    /// <summary>How many events wait for <see cref="Attach"/>.</summary>
    public int HeldCount
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>Holds <paramref name="auditEvent"/>, or passes it straight on once attached.</summary>
    public void Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        IAuditLog target;
        lock (_gate)
        {
            if (_target is null)
            {
                var details = new Dictionary<string, string>(auditEvent.Details ?? new Dictionary<string, string>())
                {
                    [OccurredDetail] = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                };
                _held.Add(auditEvent with { Details = details });
                return;
            }

            target = _target;
        }

        target.Record(auditEvent);
    }

    /// <summary>Writes the held events to <paramref name="target"/> (one batch when it is a
    /// <see cref="SqliteAuditLog"/>) and forwards every later event to it.</summary>
    /// <exception cref="InvalidOperationException">Already attached.</exception>
    public void Attach(IAuditLog target)
    {
        ArgumentNullException.ThrowIfNull(target);
        // Held events go out under the lock, so a later event from another thread never overtakes them.
        lock (_gate)
        {
            if (_target is not null)
            {
                throw new InvalidOperationException("This deferred audit log is already attached.");
            }

            _target = target;
            AuditEvent[] held = [.. _held];
            _held.Clear();
            if (target is SqliteAuditLog log)
            {
                log.Record(held);
            }
            else
            {
                foreach (var e in held)
                {
                    target.Record(e);
                }
            }
        }
    }
}
