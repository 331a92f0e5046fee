using Tradeguard.Core.Secrets;

namespace Tradeguard.TestSupport;

/// <summary>An <see cref="ISecretStore"/> in memory, for module tests that must not depend on the Vault module.</summary>
public sealed class InMemorySecretStore : ISecretStore
{
    private readonly SortedDictionary<string, byte[]> _values = new(StringComparer.Ordinal);

    public Secret? TryGet(SecretReference reference) =>
        _values.TryGetValue(reference.ToString(), out var v) ? Secret.FromBytes(v) : null;

    public void Set(SecretReference reference, Secret value) =>
        _values[reference.ToString()] = value.Use(b => b.ToArray());

    public bool Remove(SecretReference reference) => _values.Remove(reference.ToString());

    public IReadOnlyList<SecretReference> List() => _values.Keys.Select(SecretReference.Parse).ToList();
}
