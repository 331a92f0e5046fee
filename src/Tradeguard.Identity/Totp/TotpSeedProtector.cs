using System.Security.Cryptography;
using System.Text;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Identity.Totp;

/// <summary>
/// Encrypts TOTP seeds at rest with AES-256-GCM under a key held in the vault at <see cref="KeyReference"/>
/// (created from the CSPRNG on first use). Blob: <c>0x01 | nonce[12] | ciphertext | tag[16]</c>; the associated
/// data binds the blob to its account, so a seed copied onto another account's row does not decrypt.
/// </summary>
internal sealed class TotpSeedProtector(ISecretStore? vault)
{
    /// <summary>Where the key lives: <c>vault://tradeguard/totp_key</c>.</summary>
    public static readonly SecretReference KeyReference = new("tradeguard", "totp_key");

    private const byte Version = 1;

    public byte[] Protect(string account, byte[] seed)
    {
        using var key = Key(create: true)!;
        var blob = new byte[1 + 12 + seed.Length + 16];
        blob[0] = Version;
        RandomNumberGenerator.Fill(blob.AsSpan(1, 12));
        key.Use(k =>
        {
            using var aes = new AesGcm(k, 16);
            aes.Encrypt(blob.AsSpan(1, 12), seed, blob.AsSpan(13, seed.Length), blob.AsSpan(13 + seed.Length), Aad(account));
        });
        return blob;
    }

    /// <exception cref="TradeguardException">Exit 4 when the blob is damaged or sealed for another account, exit 5 when the key is missing.</exception>
    public byte[] Unprotect(string account, byte[] blob)
    {
        using var key = Key(create: false)
            ?? throw new TradeguardException(ExitCode.Configuration,
                $"The TOTP key {KeyReference} is missing from the vault, so 2FA seeds cannot be read; restore the vault.");
        if (blob.Length < 1 + 12 + 16 || blob[0] != Version)
        {
            throw Damaged(account, null);
        }

        var seed = new byte[blob.Length - 29];
        try
        {
            key.Use(k =>
            {
                using var aes = new AesGcm(k, 16);
                aes.Decrypt(blob.AsSpan(1, 12), blob.AsSpan(13, seed.Length), blob.AsSpan(13 + seed.Length), seed, Aad(account));
            });
            return seed;
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw Damaged(account, e);
        }
    }

    private Secret? Key(bool create)
    {
        if (vault is null)
        {
            throw new TradeguardException(ExitCode.Configuration,
                "Two-factor authentication needs the vault (its TOTP key encrypts the seeds); open the vault and try again.");
        }

        var key = vault.TryGet(KeyReference);
        if (key is null && create)
        {
            using var fresh = Secret.Random(32);
            vault.Set(KeyReference, fresh);
            key = vault.TryGet(KeyReference);
        }

        if (key is not null && key.Length != 32)
        {
            key.Dispose();
            throw new TradeguardException(ExitCode.IntegrityFailure, $"The TOTP key {KeyReference} is not 32 bytes; it was changed outside Tradeguard.");
        }

        return key;
    }

    private static byte[] Aad(string account) => Encoding.UTF8.GetBytes("tradeguard-totp-v1:" + account);

    private static TradeguardException Damaged(string account, Exception? inner) =>
        new(ExitCode.IntegrityFailure,
            $"The 2FA seed of account '{account}' does not decrypt with the vault's TOTP key (damaged or moved); disable and re-enrol 2FA.", inner);
}
