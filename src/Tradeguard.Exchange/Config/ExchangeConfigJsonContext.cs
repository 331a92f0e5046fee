using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tradeguard.Trading.Config;

namespace Tradeguard.Exchange.Config;

/// <summary>
/// Source-generated reading of <see cref="ExchangeRunConfig"/> with <see cref="ConfigFile"/>'s rules: no reflection, which a
/// Native AOT build lacks for value types (the exchange config failed there with exit 70).
/// </summary>
[JsonSerializable(typeof(ExchangeRunConfig))]
internal sealed partial class ExchangeConfigJsonContext : JsonSerializerContext
{
    /// <summary>The config's shape, read with <see cref="ConfigFile"/>'s rules.</summary>
    public static JsonTypeInfo<ExchangeRunConfig> Shape { get; } = new ExchangeConfigJsonContext(ConfigFile.Rules()).ExchangeRunConfig;
}
