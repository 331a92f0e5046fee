namespace Tradeguard.Vault.Format;

/// <summary>How a key slot's key-encryption key is obtained (docs/vault-format.md, "Key slots").</summary>
public enum SlotKind : byte
{
    /// <summary>Argon2id over a passphrase, with the cost parameters and salt stored in the slot.</summary>
    Passphrase = 1,

    /// <summary>HKDF-SHA256 over at least 32 random bytes from a key file or <c>$TRADEGUARD_VAULT_KEY</c>.</summary>
    Key = 2,
}
