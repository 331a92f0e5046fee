namespace Tradeguard.Audit;

/// <summary>One record as stored in the audit log: an <see cref="Core.Audit.AuditEvent"/> after redaction, with its
/// place in the chain and its MAC.</summary>
/// <param name="Sequence">Position in the chain, 1 for the first record, no gaps.</param>
/// <param name="Time">When it was recorded, UTC, to the microsecond.</param>
/// <param name="Actor">Who acted (<c>operator:alice</c>, <c>telegram:123456789</c>, <c>system</c>).</param>
/// <param name="Action">What was done, dotted lower case (<c>vault.reveal</c>).</param>
/// <param name="Target">What it was done to.</param>
/// <param name="Outcome">As stored: <c>success</c>, <c>denied</c> or <c>failure</c>.</param>
/// <param name="Reason">Why it was refused or failed; empty on success.</param>
/// <param name="Details">Non-secret key/value details, in stored order (writers sort by key, ordinal).</param>
/// <param name="Mac">HMAC-SHA256 of the record's canonical form and the previous record's MAC, 32 bytes
/// (docs/audit.md, "Canonical form").</param>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset Time,
    string Actor,
    string Action,
    string Target,
    string Outcome,
    string Reason,
    IReadOnlyList<KeyValuePair<string, string>> Details,
    byte[] Mac);
