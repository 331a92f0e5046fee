using System.Security.Cryptography;
using System.Text;
using Tradeguard.Core.Secrets;
using Tradeguard.Vault.Crypto;
using Tradeguard.Vault.Format;

namespace Tradeguard.Vault;

/// <summary>
/// What unlocks a vault: a passphrase (Argon2id) or key material from a key file or <c>$TRADEGUARD_VAULT_KEY</c>
/// (HKDF-SHA256). Holds its own copy of the secret, zeroed on <see cref="Dispose"/>.
/// </summary>
public sealed class VaultCredential : IDisposable
{
    private static readonly byte[] KeySlotInfo = Encoding.ASCII.GetBytes("tradeguard vault v1 key slot");
    private readonly Secret _secret;

    private VaultCredential(SlotKind kind, Secret secret)
    {
        Kind = kind;
        _secret = secret;
    }

    /// <summary>The kind of key slot this credential opens.</summary>
    public SlotKind Kind { get; }

    /// <summary>A passphrase credential (UTF-8 bytes of the text as entered, not normalised).</summary>
    public static VaultCredential Passphrase(Secret passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        return new VaultCredential(SlotKind.Passphrase, passphrase.Use(Secret.FromBytes));
    }

    /// <summary>A key credential from at least <see cref="VaultKeyFile.MinimumKeyLength"/> random bytes.</summary>
    /// <exception cref="ArgumentException">The key is shorter than 32 bytes.</exception>
    public static VaultCredential Key(Secret key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < VaultKeyFile.MinimumKeyLength)
        {
            throw new ArgumentException($"A vault key must be at least {VaultKeyFile.MinimumKeyLength} bytes.", nameof(key));
        }

        return new VaultCredential(SlotKind.Key, key.Use(Secret.FromBytes));
    }

    /// <summary>Applies <see cref="VaultPassphraseRule"/> to a passphrase credential.</summary>
    internal void CheckPolicy() => VaultPassphraseRule.Check(_secret);

    /// <summary>Makes a new slot of this credential's kind holding <paramref name="dataKey"/>.</summary>
    internal KeySlot Wrap(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> vaultId, KdfParameters kdf)
    {
        var salt = RandomNumberGenerator.GetBytes(KdfParameters.SaltLength);
        var draft = new KeySlot(Kind, Kind == SlotKind.Passphrase ? kdf : null, salt, []);
        var kek = DeriveKek(draft);
        try
        {
            using var box = new SealedBox(kek);
            return draft with { WrappedKey = box.Seal(dataKey, VaultFileFormat.SlotAssociatedData(vaultId, draft)) };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
        }
    }

    /// <summary>Opens <paramref name="slot"/>; false when this credential is not the one it was sealed for.</summary>
    internal bool TryUnwrap(KeySlot slot, ReadOnlySpan<byte> vaultId, out byte[] dataKey)
    {
        dataKey = [];
        if (slot.Kind != Kind)
        {
            return false;
        }

        var kek = DeriveKek(slot);
        try
        {
            using var box = new SealedBox(kek);
            if (!box.TryOpen(slot.WrappedKey, VaultFileFormat.SlotAssociatedData(vaultId, slot), out var key))
            {
                return false;
            }

            if (key.Length != DataKey.Length)
            {
                CryptographicOperations.ZeroMemory(key);
                return false;
            }

            dataKey = key;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
        }
    }

    // The caller zeroes the returned key-encryption key.
    private byte[] DeriveKek(KeySlot slot)
    {
        var kek = new byte[SealedBox.KeyLength];
        if (Kind == SlotKind.Passphrase)
        {
            _secret.Use(clear => Argon2id.DeriveBytes(clear, slot.Salt, slot.Kdf!, kek));
        }
        else
        {
            _secret.Use(clear => HKDF.DeriveKey(HashAlgorithmName.SHA256, clear, kek, slot.Salt, KeySlotInfo));
        }

        return kek;
    }

    /// <summary>Zeroes the credential's copy of the secret.</summary>
    public void Dispose() => _secret.Dispose();
}
