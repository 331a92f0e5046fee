using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Tradeguard.Audit;

/// <summary>
/// The bytes a record's MAC covers (docs/audit.md, "Canonical form", version 1). Every field is length-prefixed, so no
/// two different records share an encoding, and the encoding does not depend on how SQLite or JSON store the text.
/// </summary>
internal static class AuditCanonicalForm
{
    /// <summary>Length of a MAC (HMAC-SHA256), in bytes.</summary>
    public const int MacLength = 32;

    /// <summary>Opens every record's canonical form; a different label keeps checkpoint tags apart from record MACs.</summary>
    public static ReadOnlySpan<byte> RecordLabel => "tradeguard.audit.record.v1"u8;

    /// <summary>Opens every checkpoint's canonical form.</summary>
    public static ReadOnlySpan<byte> CheckpointLabel => "tradeguard.audit.checkpoint.v1"u8;

    /// <summary>
    /// Writes label ‖ u64 sequence ‖ i64 time (µs since the Unix epoch) ‖ str actor ‖ str action ‖ str target ‖
    /// str outcome ‖ str reason ‖ u32 detail count ‖ (str key ‖ str value)* ‖ previous MAC (32 bytes, zeros before
    /// record 1). Integers are big-endian; str is a u32 byte length then UTF-8.
    /// </summary>
    public static void WriteRecord(IBufferWriter<byte> output, long sequence, long timeMicros, string actor,
        string action, string target, string outcome, string reason,
        IReadOnlyList<KeyValuePair<string, string>> details, ReadOnlySpan<byte> previousMac)
    {
        WriteString(output, RecordLabel);
        WriteInt64(output, sequence);
        WriteInt64(output, timeMicros);
        WriteString(output, actor);
        WriteString(output, action);
        WriteString(output, target);
        WriteString(output, outcome);
        WriteString(output, reason);
        WriteUInt32(output, (uint)details.Count);
        foreach (var (key, value) in details)
        {
            WriteString(output, key);
            WriteString(output, value);
        }

        output.Write(previousMac);
    }

    /// <summary>Writes label ‖ u64 sequence ‖ the MAC of the record at that sequence (32 bytes).</summary>
    public static void WriteCheckpoint(IBufferWriter<byte> output, long sequence, ReadOnlySpan<byte> mac)
    {
        WriteString(output, CheckpointLabel);
        WriteInt64(output, sequence);
        output.Write(mac);
    }

    /// <summary>
    /// Writes the details part (u32 count, then str key, str value per pair, in stored order) straight from the
    /// stored JSON object; false when it is not an object whose values are all strings.
    /// </summary>
    public static bool TryWriteDetails(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> json)
    {
        if (json.SequenceEqual("{}"u8))
        {
            WriteUInt32(output, 0);
            return true;
        }

        var countAt = output.WrittenCount;
        WriteUInt32(output, 0);
        uint count = 0;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                WriteJsonString(output, ref reader);
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                WriteJsonString(output, ref reader);
                count++;
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(MemoryMarshal.AsMemory(output.WrittenMemory).Span.Slice(countAt, 4), count);
        return true;
    }

    /// <summary>Writes a str from UTF-8 bytes as they are.</summary>
    public static void WriteString(IBufferWriter<byte> output, ReadOnlySpan<byte> utf8)
    {
        WriteUInt32(output, (uint)utf8.Length);
        output.Write(utf8);
    }

    /// <summary>Writes an i64, big-endian.</summary>
    public static void WriteInt64(IBufferWriter<byte> output, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    private static void WriteJsonString(IBufferWriter<byte> output, ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            WriteString(output, reader.ValueSpan);
            return;
        }

        // Unescaping never lengthens the text.
        var span = output.GetSpan(4 + reader.ValueSpan.Length);
        var length = reader.CopyString(span[4..]);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)length);
        output.Advance(4 + length);
    }

    private static void WriteString(IBufferWriter<byte> output, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        WriteUInt32(output, (uint)length);
        var span = output.GetSpan(length);
        Encoding.UTF8.GetBytes(text, span);
        output.Advance(length);
    }

    private static void WriteUInt32(IBufferWriter<byte> output, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(output.GetSpan(4), value);
        output.Advance(4);
    }
}
