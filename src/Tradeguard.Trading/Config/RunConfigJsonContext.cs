using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Tradeguard.Trading.Config;

/// <summary>
/// Source-generated reading of <see cref="RunConfigFile"/>. Reflection-based reading built and compiled its converters
/// in every <c>run</c>: about 170 methods JIT-compiled and 30 emitted before the first bar (docs/performance.md).
/// </summary>
[JsonSerializable(typeof(RunConfigFile))]
internal sealed partial class RunConfigJsonContext : JsonSerializerContext
{
    /// <summary>The run config's shape, read with <see cref="ConfigFile"/>'s rules.</summary>
    public static JsonTypeInfo<RunConfigFile> Shape { get; } = new RunConfigJsonContext(ConfigFile.Rules()).RunConfigFile;
}
