using Tradeguard.Core.Secrets;

namespace Tradeguard.Vault;

/// <summary>What <c>vault list</c> shows of one entry: its reference and when it was last written, never its value.</summary>
/// <param name="Reference">The entry's <c>vault://item/field</c>.</param>
/// <param name="UpdatedAt">When the value was last written (UTC).</param>
public sealed record VaultEntryInfo(SecretReference Reference, DateTimeOffset UpdatedAt);
