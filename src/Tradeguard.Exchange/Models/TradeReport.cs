namespace Tradeguard.Exchange.Models;

/// <summary>One fill from <c>GET /api/v3/myTrades</c>.</summary>
/// <param name="Symbol">Trading pair.</param>
/// <param name="Id">Trade id, increasing.</param>
/// <param name="OrderId">The order it filled.</param>
/// <param name="Price">Fill price, quote currency per unit.</param>
/// <param name="Qty">Units filled.</param>
/// <param name="QuoteQty">Price × quantity.</param>
/// <param name="Commission">Commission charged, in <paramref name="CommissionAsset"/>.</param>
/// <param name="CommissionAsset">Asset the commission was charged in.</param>
/// <param name="Time">Fill time, Unix milliseconds.</param>
/// <param name="IsBuyer">True for the buy side.</param>
public sealed record TradeReport(
    string Symbol,
    long Id,
    long OrderId,
    decimal Price,
    decimal Qty,
    decimal QuoteQty,
    decimal Commission,
    string CommissionAsset,
    long Time,
    bool IsBuyer);
