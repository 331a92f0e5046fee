using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Tradeguard.Identity.Hashing;

/// <summary>
/// ASP.NET Core Identity's <c>PasswordHasher</c> output (read only, always re-hashed on login): base64 of
/// V3 <c>0x01 | prf (uint32 BE: 0 SHA-1, 1 SHA-256, 2 SHA-512) | iterations (uint32 BE) | salt length (uint32 BE) | salt | subkey</c>
/// or V2 <c>0x00 | salt[16] | PBKDF2-HMAC-SHA1(1000 iterations, 32 bytes)</c>.
/// Source: dotnet/aspnetcore src/Identity/Extensions.Core/src/PasswordHasher.cs.
/// </summary>
internal sealed class AspNetIdentityFormat : IPasswordHashFormat
{
    public PasswordAlgorithm? Algorithm => null;

    public bool Recognises(string encoded) =>
        encoded.Length > 0 && encoded[0] == 'A' && encoded.Length % 4 == 0 && !encoded.Contains('$', StringComparison.Ordinal);

    public bool Verify(ReadOnlySpan<byte> password, string encoded)
    {
        var (digest, iterations, salt, subkey) = Parse(encoded);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, digest, subkey.Length);
        try
        {
            return CryptographicOperations.FixedTimeEquals(actual, subkey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(actual);
        }
    }

    public bool IsWeakerThan(string encoded, HashingOptions options) => true;

    private static (HashAlgorithmName Digest, int Iterations, byte[] Salt, byte[] Subkey) Parse(string encoded)
    {
        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw new PasswordHashFormatException("The ASP.NET Identity hash is not valid base64.");
        }

        if (raw.Length == 1 + 16 + 32 && raw[0] == 0x00)
        {
            return (HashAlgorithmName.SHA1, 1000, raw[1..17], raw[17..]);
        }

        if (raw.Length >= 13 && raw[0] == 0x01)
        {
            var prf = BinaryPrimitives.ReadUInt32BigEndian(raw.AsSpan(1));
            var iterations = BinaryPrimitives.ReadUInt32BigEndian(raw.AsSpan(5));
            var saltLength = BinaryPrimitives.ReadUInt32BigEndian(raw.AsSpan(9));
            var digest = prf switch
            {
                0 => HashAlgorithmName.SHA1,
                1 => HashAlgorithmName.SHA256,
                2 => HashAlgorithmName.SHA512,
                _ => default,
            };
            if (digest != default && iterations is >= 1 and <= int.MaxValue && saltLength >= 16
                && raw.Length - 13 - (long)saltLength >= 16)
            {
                var salt = raw.AsSpan(13, (int)saltLength).ToArray();
                return (digest, (int)iterations, salt, raw[(13 + (int)saltLength)..]);
            }
        }

        throw new PasswordHashFormatException(
            "The ASP.NET Identity hash has an unknown version, PRF or length (expected V2 or V3 of PasswordHasher).");
    }
}
