using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tradeguard.Gateway.Hosting;

/// <summary>An enum written and read as its camelCase name.</summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class CamelCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase)
    where T : struct, Enum;
