namespace Tradeguard.Alerts.Dispatch;

/// <summary>What one dispatch pass did.</summary>
/// <param name="Sent">Messages the channels accepted.</param>
/// <param name="SetAside">Messages marked failed or undeliverable.</param>
/// <param name="Pending">Messages still pending afterwards, on every channel (including <paramref name="Stranded"/>).</param>
/// <param name="NextDueAt">The earliest time a pending message may be tried again (backoff, <c>retry_after</c>, rate
/// limit); null when nothing pending can be sent by the channels at hand.</param>
/// <param name="Stranded">Pending messages per channel this dispatcher lacks, by channel name (ordinal); empty when
/// every pending message has its channel here.</param>
public sealed record DispatchPass(int Sent, int SetAside, int Pending, DateTimeOffset? NextDueAt, IReadOnlyList<StrandedAlerts> Stranded)
{
    /// <summary>Pending messages this dispatcher can send (now or after a wait): <see cref="Pending"/> minus the stranded ones.
    /// Zero means a flush has nothing left to wait for.</summary>
    public int Deliverable => Pending - Stranded.Sum(s => s.Count);
}
