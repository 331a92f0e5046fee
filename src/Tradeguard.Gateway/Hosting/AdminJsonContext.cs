using System.Text.Json;
using System.Text.Json.Serialization;
using Tradeguard.Gateway.Control;

namespace Tradeguard.Gateway.Hosting;

/// <summary>
/// What the admin socket writes and <see cref="AdminClient"/> reads: camelCase, a bot's state as a camelCase word.
/// Source-generated, so no reflection (a Native AOT build has none for value types).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, Converters = [typeof(CamelCaseEnumConverter<BotRunState>)])]
[JsonSerializable(typeof(AdminStatus))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
