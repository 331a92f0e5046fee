namespace Tradeguard.Core.Audit;

/// <summary>
/// One sensitive action to record: who did what to what, and how it ended (DESIGN.md, "Audit").
/// </summary>
/// <param name="Actor">Who acted: <c>operator:alice</c>, <c>telegram:123456789</c> or <c>system</c>.</param>
/// <param name="Action">What was done, dotted lower case: <c>vault.reveal</c>, <c>identity.login</c>, <c>engine.kill_switch</c>.</param>
/// <param name="Target">What it was done to: <c>binance/api_key</c>, an account name, a symbol.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Reason">Why it was refused or failed, in words; empty on success.</param>
/// <param name="Details">Non-secret key/value details (never a secret value: records also pass the redactor).</param>
public sealed record AuditEvent(
    string Actor,
    string Action,
    string Target,
    AuditOutcome Outcome,
    string Reason = "",
    IReadOnlyDictionary<string, string>? Details = null);

/// <summary>How an audited action ended.</summary>
public enum AuditOutcome
{
    /// <summary>The action was carried out.</summary>
    Success,

    /// <summary>The action was refused (authorisation, policy, wrong credentials).</summary>
    Denied,

    /// <summary>The action was attempted and failed.</summary>
    Failure,
}
