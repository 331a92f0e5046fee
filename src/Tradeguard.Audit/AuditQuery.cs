namespace Tradeguard.Audit;

/// <summary>Which records <see cref="AuditReader.Read"/> returns; every filter given must match.</summary>
/// <param name="Since">Only records at or after this instant.</param>
/// <param name="Actor">Only records by exactly this actor (<c>operator:alice</c>).</param>
/// <param name="Action">Only this action, or, for a prefix such as <c>vault</c>, every action under it
/// (<c>vault.reveal</c>, <c>vault.set</c>).</param>
/// <param name="Last">Only the newest this many matching records (still returned oldest first).</param>
public sealed record AuditQuery(DateTimeOffset? Since = null, string? Actor = null, string? Action = null, int? Last = null)
{
    /// <summary>Every record.</summary>
    public static AuditQuery All { get; } = new();
}
