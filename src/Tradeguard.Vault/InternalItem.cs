using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Vault;

/// <summary>
/// The vault item that holds Tradeguard's own keys (<c>vault://tradeguard/audit_key</c>, <c>vault://tradeguard/totp_key</c>).
/// Only Tradeguard writes it, through this library. No command shows, changes, copies, moves, imports into or hands
/// it to a program: deleting the audit key leaves the vault unusable until it is recovered, and a copy of either key
/// lets someone forge the audit chain or read the 2FA seeds. <c>vault list</c> still shows that it is there.
/// </summary>
public static class InternalItem
{
    /// <summary>The item's name.</summary>
    public const string Name = "tradeguard";

    /// <summary>Refuses <paramref name="reference"/> when it names an entry of this item.</summary>
    /// <param name="reference">The entry a user named.</param>
    /// <param name="use">What the user asked for, in words that fit "cannot be …", e.g. <c>removed</c>.</param>
    /// <exception cref="TradeguardException">Exit 2 naming the entry.</exception>
    public static void Refuse(SecretReference reference, string use)
    {
        if (reference.Item == Name)
        {
            throw new TradeguardException(ExitCode.Usage,
                $"{reference} cannot be {use}: the '{Name}' item holds Tradeguard's own keys (audit, 2FA), which only Tradeguard uses.");
        }
    }
}
