using System.Globalization;
using System.Text.Json;

namespace Tradeguard.Exchange.Client;

/// <summary>Reads Binance JSON, where amounts are strings (<c>"0.10000000"</c>) and ids and times are numbers.</summary>
internal static class JsonRead
{
    public static decimal Decimal(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? Decimal(v) : 0m;

    public static decimal Decimal(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => decimal.Parse(v.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.Number => v.GetDecimal(),
        _ => 0m,
    };

    public static long Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

    public static string String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;

    public static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
