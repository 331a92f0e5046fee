using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tradeguard.Trading.Config;

namespace Tradeguard.Cli.Commands.Alerts;

/// <summary>
/// Source-generated reading of <see cref="AlertsConfig"/> with <see cref="ConfigFile"/>'s rules: no reflection, which a
/// Native AOT build lacks for value types (the alerts config failed there with exit 70).
/// </summary>
[JsonSerializable(typeof(AlertsConfig))]
internal sealed partial class AlertsConfigJsonContext : JsonSerializerContext
{
    /// <summary>The config's shape, read with <see cref="ConfigFile"/>'s rules.</summary>
    public static JsonTypeInfo<AlertsConfig> Shape { get; } = new AlertsConfigJsonContext(ConfigFile.Rules()).AlertsConfig;
}
