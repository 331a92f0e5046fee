using Tradeguard.Trading.Broker;

namespace Tradeguard.Exchange.Models;

/// <summary>An order to send with <c>POST /api/v3/order</c>.</summary>
/// <param name="Symbol">Trading pair, e.g. <c>LTCBTC</c>.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, Limit, Stop or StopLimit (Close has no Binance equivalent).</param>
/// <param name="Quantity">Base-asset units.</param>
/// <param name="Price">Limit price for Limit and StopLimit, quote currency per unit.</param>
/// <param name="StopPrice">Trigger price for Stop and StopLimit.</param>
/// <param name="ClientOrderId">Our id for the order (<c>newClientOrderId</c>), unique among open orders; null lets the exchange choose.</param>
public sealed record NewOrder(
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? Price = null,
    decimal? StopPrice = null,
    string? ClientOrderId = null);
