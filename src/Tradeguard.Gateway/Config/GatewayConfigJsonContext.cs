using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tradeguard.Trading.Config;

namespace Tradeguard.Gateway.Config;

/// <summary>
/// Source-generated reading of <see cref="GatewayConfig"/> with <see cref="ConfigFile"/>'s rules: no reflection, which a
/// Native AOT build lacks for value types (the gateway config failed there with exit 70).
/// </summary>
[JsonSerializable(typeof(GatewayConfig))]
internal sealed partial class GatewayConfigJsonContext : JsonSerializerContext
{
    /// <summary>The config's shape, read with <see cref="ConfigFile"/>'s rules.</summary>
    public static JsonTypeInfo<GatewayConfig> Shape { get; } = new GatewayConfigJsonContext(ConfigFile.Rules()).GatewayConfig;
}
