using System.Globalization;
using System.Text.Json;

namespace Tradeguard.Audit;

/// <summary>
/// Writes records as JSON Lines (one JSON object per line, jsonlines.org) for a SIEM: <c>seq</c>, <c>time</c>
/// (RFC 3339 UTC, microseconds), <c>actor</c>, <c>action</c>, <c>target</c>, <c>outcome</c>, <c>reason</c>,
/// <c>details</c> (object of strings) and <c>mac</c> (lower-case hex), so the chain can be re-checked downstream by
/// anyone holding the key (docs/audit.md).
/// </summary>
public static class AuditJsonLines
{
    /// <summary>Writes each of <paramref name="records"/> as one line to <paramref name="output"/>; returns how many.</summary>
    public static long Write(Stream output, IEnumerable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(records);
        long count = 0;
        using var writer = new Utf8JsonWriter(output);
        foreach (var record in records)
        {
            writer.Reset();
            writer.WriteStartObject();
            writer.WriteNumber("seq", record.Sequence);
            writer.WriteString("time", FormatTime(record.Time));
            writer.WriteString("actor", record.Actor);
            writer.WriteString("action", record.Action);
            writer.WriteString("target", record.Target);
            writer.WriteString("outcome", record.Outcome);
            writer.WriteString("reason", record.Reason);
            writer.WriteStartObject("details");
            foreach (var (key, value) in record.Details)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteString("mac", Convert.ToHexStringLower(record.Mac));
            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
            count++;
        }

        output.Flush();
        return count;
    }

    /// <summary>RFC 3339 UTC with six fractional digits, e.g. <c>2026-11-29T19:28:50.123456Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
