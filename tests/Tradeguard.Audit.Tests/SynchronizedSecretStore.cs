using Tradeguard.Core.Secrets;

namespace Tradeguard.Audit.Tests;

/// <summary>Makes a test store safe to share between writer threads, as the real vault is.</summary>
internal sealed class SynchronizedSecretStore(ISecretStore inner) : ISecretStore
{
    private readonly Lock _gate = new();

    public Secret? TryGet(SecretReference reference)
    {
        lock (_gate)
        {
            return inner.TryGet(reference);
        }
    }

    public void Set(SecretReference reference, Secret value)
    {
        lock (_gate)
        {
            inner.Set(reference, value);
        }
    }

    public bool Remove(SecretReference reference)
    {
        lock (_gate)
        {
            return inner.Remove(reference);
        }
    }

    public IReadOnlyList<SecretReference> List()
    {
        lock (_gate)
        {
            return inner.List();
        }
    }
}
