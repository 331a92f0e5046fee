namespace Tradeguard.Trading.Engine;

/// <summary>
/// The cash of a run, quote currency: one account that every <see cref="Portfolio"/> of the run pays from and is paid
/// into. A single-symbol run has one portfolio on its own account; a portfolio run (<see cref="PortfolioEngine"/>)
/// gives every symbol's portfolio the same account, so cash one symbol spends is gone for the others. Changed only by
/// fills (<see cref="Portfolio"/>); not thread-safe (one run loop drives it).
/// </summary>
public sealed class CashAccount
{
    /// <summary>Opens an account holding <paramref name="initial"/>.</summary>
    /// <param name="initial">Starting cash, quote currency.</param>
    public CashAccount(decimal initial)
    {
        Initial = initial;
        Balance = initial;
    }

    /// <summary>Starting cash, quote currency.</summary>
    public decimal Initial { get; }

    /// <summary>Cash now, quote currency (for futures-like terms: with P&amp;L settled up to each portfolio's last fill).</summary>
    public decimal Balance { get; internal set; }
}
