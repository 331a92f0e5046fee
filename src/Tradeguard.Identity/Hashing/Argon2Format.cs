using System.Security.Cryptography;
using NSec.Cryptography;
using KonsciousArgon2 = Konscious.Security.Cryptography.Argon2;
using KonsciousArgon2i = Konscious.Security.Cryptography.Argon2i;
using KonsciousArgon2id = Konscious.Security.Cryptography.Argon2id;

namespace Tradeguard.Identity.Hashing;

/// <summary>
/// Argon2id / Argon2i PHC strings (RFC 9106). Argon2id with one lane and a 16-byte salt runs on libsodium through
/// NSec; everything else libsodium refuses (p &gt; 1, other salt lengths, Argon2i) runs on
/// Konscious.Security.Cryptography, which is about five times slower but exact. Konscious refuses an empty
/// password, so an empty password against such a hash throws <see cref="PasswordRejectedException"/>
/// (no policy admits an empty password; <see cref="PasswordHasher.Verify"/> reports it as a failed match).
/// </summary>
internal sealed class Argon2Format : IPasswordHashFormat
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public PasswordAlgorithm? Algorithm => PasswordAlgorithm.Argon2id;

    public bool Recognises(string encoded) => encoded.StartsWith("$argon2", StringComparison.Ordinal);

    public static string Hash(ReadOnlySpan<byte> password, HashingOptions options)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(Argon2Variant.Argon2id, password, salt, options.Argon2MemoryKiB, options.Argon2Iterations,
            options.Argon2Parallelism, HashBytes);
        return new Argon2PhcString(Argon2Variant.Argon2id, options.Argon2MemoryKiB, options.Argon2Iterations,
            options.Argon2Parallelism, salt, hash).Encode();
    }

    /// <summary>A well-formed hash at <paramref name="options"/>' costs made of random bytes, without running Argon2.</summary>
    public static string Unmatchable(HashingOptions options) =>
        new Argon2PhcString(Argon2Variant.Argon2id, options.Argon2MemoryKiB, options.Argon2Iterations, options.Argon2Parallelism,
            RandomNumberGenerator.GetBytes(SaltBytes), RandomNumberGenerator.GetBytes(HashBytes)).Encode();

    public bool Verify(ReadOnlySpan<byte> password, string encoded)
    {
        var phc = Argon2PhcString.Parse(encoded);
        var actual = Derive(phc.Variant, password, phc.Salt, phc.MemoryKiB, phc.Iterations, phc.Parallelism, phc.Hash.Length);
        try
        {
            return CryptographicOperations.FixedTimeEquals(actual, phc.Hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(actual);
        }
    }

    public bool IsWeakerThan(string encoded, HashingOptions options)
    {
        var phc = Argon2PhcString.Parse(encoded);
        return phc.Variant != Argon2Variant.Argon2id
            || phc.MemoryKiB < options.Argon2MemoryKiB
            || phc.Iterations < options.Argon2Iterations;
    }

    /// <summary>Raw Argon2 (version 0x13) of <paramref name="password"/>; memory in KiB.</summary>
    internal static byte[] Derive(Argon2Variant variant, ReadOnlySpan<byte> password, byte[] salt, int memoryKiB,
        int iterations, int parallelism, int length)
    {
        if (variant == Argon2Variant.Argon2id && parallelism == 1 && salt.Length == SaltBytes && length >= 16)
        {
            var parameters = new Argon2Parameters
            {
                DegreeOfParallelism = 1,
                MemorySize = memoryKiB,
                NumberOfPasses = iterations,
            };
            return PasswordBasedKeyDerivationAlgorithm.Argon2id(parameters).DeriveBytes(password, salt, length);
        }

        if (password.IsEmpty)
        {
            // Konscious refuses an empty password and libsodium refuses p > 1 and other salt lengths.
            throw new PasswordRejectedException(
                "An empty password cannot be checked against an Argon2 hash with p > 1, Argon2i or a non-16-byte salt.");
        }

        var passwordCopy = password.ToArray();
        try
        {
            using KonsciousArgon2 argon = variant == Argon2Variant.Argon2id
                ? new KonsciousArgon2id(passwordCopy)
                : new KonsciousArgon2i(passwordCopy);
            argon.Salt = salt;
            argon.MemorySize = memoryKiB;
            argon.Iterations = iterations;
            argon.DegreeOfParallelism = parallelism;
            return argon.GetBytes(length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordCopy);
        }
    }
}
