namespace Tradeguard.Alerts.Dispatch;

/// <summary>What one dispatch pass did.</summary>
/// <param name="Sent">Messages the channels accepted.</param>
/// <param name="SetAside">Messages marked failed or undeliverable.</param>
/// <param name="Pending">Messages still pending afterwards.</param>
/// <param name="NextDueAt">The earliest time a pending message may be tried again (backoff, <c>retry_after</c>, rate
/// limit); null when nothing pending can be sent by the channels at hand.</param>
public sealed record DispatchPass(int Sent, int SetAside, int Pending, DateTimeOffset? NextDueAt);
