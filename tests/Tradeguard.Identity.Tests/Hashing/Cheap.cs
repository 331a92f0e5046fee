using Tradeguard.Identity.Hashing;

namespace Tradeguard.Identity.Tests.Hashing;

/// <summary>Low costs so the suite stays fast; tests of the real defaults say so in their names.</summary>
internal static class Cheap
{
    public static HashingOptions Options(PasswordAlgorithm algorithm = PasswordAlgorithm.Argon2id) => new()
    {
        Algorithm = algorithm,
        Argon2MemoryKiB = 256,
        Argon2Iterations = 1,
        BcryptCost = 4,
        Pbkdf2Iterations = 1000,
    };

    public static PasswordHasher Hasher(PasswordAlgorithm algorithm = PasswordAlgorithm.Argon2id) => new(Options(algorithm));
}
