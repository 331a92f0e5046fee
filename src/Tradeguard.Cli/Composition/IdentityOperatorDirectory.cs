using Tradeguard.Identity;
using Tradeguard.Identity.Accounts;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Cli.Composition;

/// <summary>The command bot's view of the Identity module's accounts: name, role, and whether the account may act.</summary>
/// <remarks>A disabled account is inactive, so its Telegram link authorises nothing until an admin enables it again.</remarks>
internal sealed class IdentityOperatorDirectory(IdentityServices identity) : IOperatorDirectory
{
    public OperatorInfo? Find(string name)
    {
        Account? account;
        try
        {
            account = identity.Accounts.Find(name);
        }
        catch (Core.Errors.TradeguardException)
        {
            return null; // not a valid account name: no such operator
        }

        return account is null ? null : new OperatorInfo(account.Name, Map(account.Role), !account.Disabled);
    }

    public static OperatorRole Map(Role role) => role switch
    {
        Role.Admin => OperatorRole.Admin,
        Role.Trader => OperatorRole.Trader,
        _ => OperatorRole.Viewer,
    };
}
