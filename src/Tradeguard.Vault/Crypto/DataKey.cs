using System.Security.Cryptography;
using System.Text;

namespace Tradeguard.Vault.Crypto;

/// <summary>
/// The vault's random 256-bit data key and the subkeys derived from it with HKDF-SHA256 (RFC 5869), one per use, so
/// that the entry key, the index key and the header MAC key are independent.
/// </summary>
internal sealed class DataKey : IDisposable
{
    public const int Length = 32;
    private readonly byte[] _key;
    private readonly byte[] _macKey = new byte[32];

    private DataKey(byte[] ownedKey, ReadOnlySpan<byte> vaultId)
    {
        _key = ownedKey;
        var subkey = new byte[SealedBox.KeyLength];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, subkey, vaultId, Encoding.ASCII.GetBytes("tradeguard vault v1 entries"));
            Entries = new SealedBox(subkey);
            HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, subkey, vaultId, Encoding.ASCII.GetBytes("tradeguard vault v1 index"));
            Index = new SealedBox(subkey);
            HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, _macKey, vaultId, Encoding.ASCII.GetBytes("tradeguard vault v1 header mac"));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(subkey);
        }
    }

    /// <summary>Seals entry values.</summary>
    public SealedBox Entries { get; }

    /// <summary>Seals the index (entry names, times and lengths).</summary>
    public SealedBox Index { get; }

    /// <summary>A new random data key for the vault <paramref name="vaultId"/>.</summary>
    public static DataKey Generate(ReadOnlySpan<byte> vaultId) => new(RandomNumberGenerator.GetBytes(Length), vaultId);

    /// <summary>Takes ownership of <paramref name="key"/> (zeroed on dispose).</summary>
    public static DataKey FromOwnedBytes(byte[] key, ReadOnlySpan<byte> vaultId) => new(key, vaultId);

    /// <summary>A copy of the raw key, to wrap it in a key slot; the caller zeroes it.</summary>
    public ReadOnlySpan<byte> Raw => _key;

    /// <summary>HMAC-SHA256 (RFC 2104) of <paramref name="data"/> under the header MAC subkey.</summary>
    public byte[] Mac(ReadOnlySpan<byte> data) => HMACSHA256.HashData(_macKey, data);

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        CryptographicOperations.ZeroMemory(_macKey);
        Entries?.Dispose();
        Index?.Dispose();
    }
}
