using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tradeguard.Exchange.State;

/// <summary>
/// How a run state file is written: web defaults (camelCase), indented, enums as names, unknown keys refused.
/// Source-generated, so reading and writing need no reflection (a Native AOT build has none for value types).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RunState))]
internal sealed partial class RunStateJsonContext : JsonSerializerContext;
