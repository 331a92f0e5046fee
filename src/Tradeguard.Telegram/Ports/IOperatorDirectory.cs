namespace Tradeguard.Telegram.Ports;

/// <summary>An operator's role, from least to most powerful (Identity module, "roles").</summary>
public enum OperatorRole
{
    /// <summary>May read: <c>/status</c>, <c>/positions</c>, <c>/pnl</c>.</summary>
    Viewer = 1,

    /// <summary>Viewer, plus <c>/pause</c> and <c>/resume</c>.</summary>
    Trader = 2,

    /// <summary>Trader, plus <c>/stop</c> and <c>/closeall</c> (each after <c>/confirm</c> with a TOTP code).</summary>
    Admin = 3,
}

/// <summary>What the bot needs to know about an operator account.</summary>
/// <param name="Name">The account name.</param>
/// <param name="Role">The role.</param>
/// <param name="IsActive">False when the account is disabled or locked: its Telegram link then authorises nothing.</param>
public sealed record OperatorInfo(string Name, OperatorRole Role, bool IsActive);

/// <summary>The port to the Identity module's accounts: the bot reads roles, never passwords.</summary>
public interface IOperatorDirectory
{
    /// <summary>The account named <paramref name="name"/>, or null when there is none.</summary>
    OperatorInfo? Find(string name);
}
