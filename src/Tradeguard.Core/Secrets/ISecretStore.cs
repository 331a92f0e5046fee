namespace Tradeguard.Core.Secrets;

/// <summary>
/// An unlocked store of secrets addressed by <see cref="SecretReference"/>. The Vault module implements it; every
/// other module (audit key, TOTP seed key, bot token, exchange keys) reads its secrets through this port only.
/// </summary>
/// <remarks>Values returned are owned by the caller, who disposes them.</remarks>
public interface ISecretStore
{
    /// <summary>Returns a copy of the value at <paramref name="reference"/>, or null when there is none.</summary>
    /// <exception cref="Errors.TradeguardException">Exit 4 when that entry is damaged.</exception>
    Secret? TryGet(SecretReference reference);

    /// <summary>Stores <paramref name="value"/> at <paramref name="reference"/>, replacing any earlier value, durably.</summary>
    void Set(SecretReference reference, Secret value);

    /// <summary>Deletes the value at <paramref name="reference"/>, durably; false when there was none.</summary>
    bool Remove(SecretReference reference);

    /// <summary>Every reference held, in item then field order.</summary>
    IReadOnlyList<SecretReference> List();
}
