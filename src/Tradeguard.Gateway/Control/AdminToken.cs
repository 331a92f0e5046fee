using System.Security.Cryptography;
using System.Text;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Gateway.Control;

/// <summary>
/// The token every admin-socket command must carry (header <c>X-Tradeguard-Admin</c>): 32 CSPRNG bytes as hex, made
/// afresh at each gateway start and kept in the vault at <c>vault://gateway/admin_token</c>. The socket is already
/// owner-only; the token also shuts out a bot running as the same OS user, which can reach the socket but cannot
/// unlock the vault. Compared in constant time.
/// </summary>
public static class AdminToken
{
    /// <summary>The request header carrying it.</summary>
    public const string Header = "X-Tradeguard-Admin";

    /// <summary>Where it is kept.</summary>
    public static readonly SecretReference Reference = new("gateway", "admin_token");

    /// <summary>Makes a new token and stores it in <paramref name="store"/>; the caller owns (disposes) the returned copy.</summary>
    public static Secret Renew(ISecretStore store)
    {
        var token = Secret.FromString(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        store.Set(Reference, token);
        return token;
    }

    /// <summary>True when <paramref name="presented"/> equals <paramref name="token"/> (constant time in the token's length).</summary>
    public static bool Matches(Secret token, string? presented)
    {
        if (presented is null)
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(presented);
        try
        {
            return token.Use(expected => CryptographicOperations.FixedTimeEquals(expected, given));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(given);
        }
    }
}
