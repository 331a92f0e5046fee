using NSec.Cryptography;

namespace Tradeguard.Vault.Crypto;

/// <summary>
/// Argon2id (RFC 9106, version 0x13) through NSec/libsodium's <c>crypto_pwhash</c>; no primitive is implemented here.
/// </summary>
public static class Argon2id
{
    /// <summary>
    /// Derives <paramref name="output"/>.Length bytes from <paramref name="password"/> and <paramref name="salt"/>.
    /// </summary>
    /// <param name="password">The password bytes (UTF-8 for text passphrases).</param>
    /// <param name="salt">Exactly <see cref="KdfParameters.SaltLength"/> bytes.</param>
    /// <param name="parameters">Cost parameters; must be <see cref="KdfParameters.IsSupported"/>.</param>
    /// <param name="output">Receives the derived bytes (16 to 64 bytes).</param>
    /// <exception cref="ArgumentException">The salt length or the parameters are not supported.</exception>
    public static void DeriveBytes(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, KdfParameters parameters,
        Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (salt.Length != KdfParameters.SaltLength)
        {
            throw new ArgumentException($"Argon2id salt must be {KdfParameters.SaltLength} bytes.", nameof(salt));
        }

        if (!parameters.IsSupported)
        {
            throw new ArgumentException($"Argon2id parameters {parameters} are outside the supported range.", nameof(parameters));
        }

        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = (int)parameters.Parallelism,
            MemorySize = parameters.MemoryKiB,
            NumberOfPasses = parameters.Iterations,
        });
        algorithm.DeriveBytes(password, salt, output);
    }
}
