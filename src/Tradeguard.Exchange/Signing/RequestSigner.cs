using System.Security.Cryptography;
using System.Text;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Exchange.Signing;

/// <summary>
/// Binance's HMAC request signature: <c>hex(HMAC-SHA256(key = UTF-8(api secret), message = UTF-8(totalParams)))</c>,
/// where totalParams is the exact percent-encoded query string followed directly by the request body (Binance Spot
/// REST API, "SIGNED endpoint security"; binance/binance-spot-api-docs rest-api.md). The signature is lower-case hex;
/// servers compare HMAC signatures case-insensitively.
/// </summary>
public static class RequestSigner
{
    /// <summary>Length of a signature in hex characters.</summary>
    public const int SignatureLength = 64;

    /// <summary>Signs <paramref name="totalParams"/> with <paramref name="apiSecret"/>; returns 64 lower-case hex characters.</summary>
    public static string Sign(Secret apiSecret, string totalParams)
    {
        ArgumentNullException.ThrowIfNull(apiSecret);
        ArgumentNullException.ThrowIfNull(totalParams);
        var mac = new byte[HMACSHA256.HashSizeInBytes];
        try
        {
            var message = Encoding.UTF8.GetBytes(totalParams);
            apiSecret.Use(key => HMACSHA256.HashData(key, message, mac));
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(mac);
        }
    }

    /// <summary>
    /// True when <paramref name="signature"/> (hex, either case) is the signature of <paramref name="totalParams"/>.
    /// Compares in constant time; never throws for malformed input.
    /// </summary>
    public static bool Verify(Secret apiSecret, string totalParams, string? signature)
    {
        if (signature is null || signature.Length != SignatureLength)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var expected = new byte[HMACSHA256.HashSizeInBytes];
        try
        {
            if (Convert.FromHexString(signature, given, out _, out var written) != System.Buffers.OperationStatus.Done ||
                written != given.Length)
            {
                return false;
            }

            var message = Encoding.UTF8.GetBytes(totalParams);
            apiSecret.Use(key => HMACSHA256.HashData(key, message, expected));
            return CryptographicOperations.FixedTimeEquals(given, expected);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(given);
            CryptographicOperations.ZeroMemory(expected);
        }
    }
}
