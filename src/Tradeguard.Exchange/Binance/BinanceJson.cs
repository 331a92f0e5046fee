using System.Collections;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tradeguard.Exchange.Binance;

/// <summary>
/// Writes a Binance-shaped answer, built as dictionaries, arrays and scalars, as JSON with <see cref="Utf8JsonWriter"/>.
/// The bytes are those System.Text.Json's defaults write for these shapes (same escaping, same number forms), without
/// the reflection-based serializer: a Native AOT build has no serializer code for <c>object</c> graphs of value types.
/// </summary>
public static class BinanceJson
{
    /// <summary>The JSON of <paramref name="answer"/>.</summary>
    /// <param name="answer">A <c>string</c>, <c>bool</c>, <c>int</c>, <c>long</c>, <c>decimal</c>, <c>double</c>, null, an
    /// <see cref="IDictionary"/> with string keys, or an <see cref="IEnumerable"/> of these.</param>
    /// <exception cref="ArgumentException">A value of another type (a coding error, not an input error).</exception>
    public static byte[] Bytes(object? answer)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, answer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The HTTP answer: <paramref name="answer"/>'s JSON (<see cref="Bytes"/>) with <paramref name="status"/>.</summary>
    /// <exception cref="ArgumentException">As <see cref="Bytes"/>.</exception>
    public static IResult Result(object? answer, int status = StatusCodes.Status200OK) =>
        Results.Text(Bytes(answer), "application/json; charset=utf-8", status);

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case decimal d: writer.WriteNumberValue(d); break;
            case double x: writer.WriteNumberValue(x); break;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(entry.Key as string ?? throw new ArgumentException("a JSON object's keys are strings", nameof(value)));
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default: throw new ArgumentException("an answer may hold only strings, numbers, booleans, nulls, dictionaries and lists", nameof(value));
        }
    }
}
