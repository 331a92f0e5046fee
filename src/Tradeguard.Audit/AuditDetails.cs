using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Tradeguard.Audit;

/// <summary>
/// The stored form of a record's details: a JSON object of string values (RFC 8259), keys in ordinal order. The MAC
/// covers the parsed pairs, not the JSON text, so any JSON library can verify a chain.
/// </summary>
internal static class AuditDetails
{
    public static readonly IReadOnlyList<KeyValuePair<string, string>> None = [];

    /// <summary>Sorts by key (ordinal) and encodes as a JSON object.</summary>
    public static string ToJson(IReadOnlyList<KeyValuePair<string, string>> sortedPairs)
    {
        if (sortedPairs.Count == 0)
        {
            return "{}";
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in sortedPairs)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Parses a JSON object whose values are all strings, keeping the stored order; false for anything else.</summary>
    public static bool TryParse(string json, out IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        pairs = None;
        if (json == "{}")
        {
            return true;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var list = new List<KeyValuePair<string, string>>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                list.Add(new(key, reader.GetString()!));
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }

            pairs = list;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
