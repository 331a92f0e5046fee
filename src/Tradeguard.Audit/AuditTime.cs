namespace Tradeguard.Audit;

/// <summary>Record times: whole microseconds since the Unix epoch, UTC (the unit of the canonical form and the
/// <c>time_us</c> column).</summary>
internal static class AuditTime
{
    public static long ToMicros(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000);

    public static DateTimeOffset FromMicros(long micros) =>
        DateTimeOffset.UnixEpoch.AddTicks(micros * (TimeSpan.TicksPerMillisecond / 1000));
}
