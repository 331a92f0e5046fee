using Tradeguard.Core.Audit;

namespace Tradeguard.TestSupport;

/// <summary>An <see cref="IAuditLog"/> that keeps every event in memory, safe to record into from several threads.</summary>
public sealed class RecordingAuditLog : IAuditLog
{
    private readonly List<AuditEvent> _events = [];

    /// <summary>A snapshot of the events recorded so far, in order.</summary>
    public IReadOnlyList<AuditEvent> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToArray();
            }
        }
    }

    public void Record(AuditEvent auditEvent)
    {
        lock (_events)
        {
            _events.Add(auditEvent);
        }
    }
}
