using NSec.Cryptography;

namespace Tradeguard.Vault.Crypto;

/// <summary>
/// XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha, via NSec/libsodium) with a random 24-byte nonce per message, laid out
/// as <c>nonce ‖ ciphertext ‖ 16-byte tag</c>. Random nonces are safe at this nonce size for any realistic number of
/// messages under one key.
/// </summary>
internal sealed class SealedBox : IDisposable
{
    public const int KeyLength = 32;
    public const int NonceLength = 24;
    public const int TagLength = 16;
    public const int Overhead = NonceLength + TagLength;

    private static readonly AeadAlgorithm Algorithm = AeadAlgorithm.XChaCha20Poly1305;
    private readonly Key _key;

    /// <summary>Imports <paramref name="key"/> (32 bytes) into libsodium-guarded memory; the caller zeroes its copy.</summary>
    public SealedBox(ReadOnlySpan<byte> key)
    {
        _key = Key.Import(Algorithm, key, KeyBlobFormat.RawSymmetricKey);
    }

    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[NonceLength + plaintext.Length + TagLength];
        var nonce = output.AsSpan(0, NonceLength);
        System.Security.Cryptography.RandomNumberGenerator.Fill(nonce);
        Algorithm.Encrypt(_key, nonce, associatedData, plaintext, output.AsSpan(NonceLength));
        return output;
    }

    /// <summary>Opens a box; false (never an exception) when it is too short or fails authentication.</summary>
    public bool TryOpen(ReadOnlySpan<byte> box, ReadOnlySpan<byte> associatedData, out byte[] plaintext)
    {
        plaintext = [];
        if (box.Length < Overhead)
        {
            return false;
        }

        var clear = new byte[box.Length - Overhead];
        if (!Algorithm.Decrypt(_key, box[..NonceLength], associatedData, box[NonceLength..], clear))
        {
            return false;
        }

        plaintext = clear;
        return true;
    }

    public void Dispose() => _key.Dispose();
}
