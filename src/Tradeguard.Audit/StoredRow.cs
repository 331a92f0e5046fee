namespace Tradeguard.Audit;

/// <summary>One row of the audit table exactly as SQLite returned it, before any interpretation, so that the verifier
/// can name a damaged row instead of failing on it.</summary>
internal readonly record struct StoredRow(
    long Sequence,
    long TimeMicros,
    string Actor,
    string Action,
    string Target,
    string Outcome,
    string Reason,
    string DetailsJson,
    byte[] Mac);
