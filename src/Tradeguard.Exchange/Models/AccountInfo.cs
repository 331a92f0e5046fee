namespace Tradeguard.Exchange.Models;

/// <summary>The part of <c>GET /api/v3/account</c> Tradeguard uses. Amounts are sensitive: never log them by default.</summary>
/// <param name="CanTrade">The account may trade.</param>
/// <param name="CanWithdraw">The account (not the key) may withdraw.</param>
/// <param name="AccountType">E.g. <c>SPOT</c>.</param>
/// <param name="Balances">Every asset held.</param>
public sealed record AccountInfo(bool CanTrade, bool CanWithdraw, string AccountType, IReadOnlyList<Balance> Balances)
{
    /// <summary>Free plus locked units of <paramref name="asset"/>; 0 when absent.</summary>
    public decimal Total(string asset) =>
        Balances.Where(b => b.Asset == asset).Sum(b => b.Free + b.Locked);

    /// <summary>Free units of <paramref name="asset"/>; 0 when absent.</summary>
    public decimal Free(string asset) => Balances.Where(b => b.Asset == asset).Sum(b => b.Free);
}
