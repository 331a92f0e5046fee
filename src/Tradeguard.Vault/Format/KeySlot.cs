using Tradeguard.Vault.Crypto;

namespace Tradeguard.Vault.Format;

/// <summary>One key slot: how to derive a key-encryption key, and the data key sealed under it.</summary>
/// <param name="Kind">How the key-encryption key is derived.</param>
/// <param name="Kdf">The Argon2id parameters (passphrase slots only).</param>
/// <param name="Salt">16 random bytes.</param>
/// <param name="WrappedKey">The 32-byte data key sealed with XChaCha20-Poly1305 (72 bytes).</param>
internal sealed record KeySlot(SlotKind Kind, KdfParameters? Kdf, byte[] Salt, byte[] WrappedKey)
{
    public const int WrappedKeyLength = DataKey.Length + SealedBox.Overhead;
}
