namespace Tradeguard.Exchange.Models;

/// <summary>What an API key may do, from <c>GET /sapi/v1/account/apiRestrictions</c> (Binance Wallet API).</summary>
/// <param name="IpRestrict">The key works only from listed IP addresses.</param>
/// <param name="EnableReading">The key may read account data.</param>
/// <param name="EnableSpotAndMarginTrading">The key may place spot and margin orders.</param>
/// <param name="EnableWithdrawals">The key may withdraw funds: refused by default.</param>
/// <param name="EnableInternalTransfer">The key may move funds between accounts: refused by default.</param>
/// <param name="PermitsUniversalTransfer">The key may use universal transfer: refused by default.</param>
/// <param name="EnableMargin">The key may trade margin.</param>
/// <param name="EnableFutures">The key may trade futures.</param>
public sealed record ApiKeyRestrictions(
    bool IpRestrict,
    bool EnableReading,
    bool EnableSpotAndMarginTrading,
    bool EnableWithdrawals,
    bool EnableInternalTransfer,
    bool PermitsUniversalTransfer,
    bool EnableMargin,
    bool EnableFutures)
{
    /// <summary>True when the key can move funds out of the account (withdrawals, internal or universal transfer).</summary>
    public bool CanMoveFunds => EnableWithdrawals || EnableInternalTransfer || PermitsUniversalTransfer;
}
