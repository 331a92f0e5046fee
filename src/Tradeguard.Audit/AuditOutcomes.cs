using Tradeguard.Core.Audit;

namespace Tradeguard.Audit;

/// <summary>The stored words for <see cref="AuditOutcome"/>.</summary>
internal static class AuditOutcomes
{
    public static string ToText(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => "success",
        AuditOutcome.Denied => "denied",
        AuditOutcome.Failure => "failure",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "undefined audit outcome"),
    };
}
