using System.Text.Json.Serialization;

namespace Tradeguard.Audit;

/// <summary>Source-generated JSON for the checkpoint (no reflection, stable property names).</summary>
[JsonSerializable(typeof(AuditCheckpoint.Stored), TypeInfoPropertyName = "AuditCheckpointStored")]
internal sealed partial class AuditJsonContext : JsonSerializerContext
{
}
