namespace Tradeguard.Core.Audit;

/// <summary>
/// Where every module writes its sensitive actions. Core holds only this port so that Vault, Identity, Telegram and
/// the engine can record without depending on the Audit module that implements it.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="auditEvent"/> durably; throws only when the record could not be kept.</summary>
    void Record(AuditEvent auditEvent);
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
