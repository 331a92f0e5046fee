namespace Tradeguard.Identity.Accounts;

/// <summary>An operator's role. Each grants the permissions listed in <see cref="Authorizer"/>; nothing else.</summary>
public enum Role
{
    /// <summary>Reads status: positions, P&amp;L, strategy state.</summary>
    Viewer = 1,

    /// <summary>Viewer, plus pausing and resuming strategies.</summary>
    Trader = 2,

    /// <summary>Trader, plus stopping strategies, closing positions, managing users and revealing secrets.</summary>
    Admin = 3,
}
