namespace Tradeguard.Core.Audit;

/// <summary>
/// Where every module writes its sensitive actions. Core holds only this port so that Vault, Identity, Telegram and
/// the engine can record without depending on the Audit module that implements it.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="auditEvent"/> durably; throws only when the record could not be kept.</summary>
    void Record(AuditEvent auditEvent);

    /// <summary>
    /// Appends <paramref name="events"/> in order. An implementation may commit them together (one disk sync for the
    /// batch); the default records them one by one.
    /// </summary>
    void RecordAll(IReadOnlyList<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var auditEvent in events)
        {
            Record(auditEvent);
        }
    }

    /// <summary>
    /// Appends <paramref name="auditEvent"/> soon, in order with every other record: an implementation may return before
    /// the record is on disk (a write-behind queue keeps routine records off a latency-critical path). The default is
    /// <see cref="Record"/>. Use it only for records whose loss in a crash of this process would be acceptable; anything
    /// a security alert hangs on goes through <see cref="Record"/>.
    /// </summary>
    void Post(AuditEvent auditEvent) => Record(auditEvent);
}

/// <summary>An audit log that keeps nothing, for tools and tests that run without an audit store.</summary>
public sealed class NullAuditLog : IAuditLog
{
    /// <summary>The single instance.</summary>
    public static NullAuditLog Instance { get; } = new();

    private NullAuditLog()
    {
    }

    /// <inheritdoc />
    public void Record(AuditEvent auditEvent)
    {
    }
}
