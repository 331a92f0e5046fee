using Tradeguard.Trading.Broker;

namespace Tradeguard.Exchange.Models;

/// <summary>An order as the exchange reports it (new, cancel, query and open-orders responses).</summary>
/// <param name="Symbol">Trading pair.</param>
/// <param name="OrderId">The exchange's id.</param>
/// <param name="ClientOrderId">The client's id.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Wire order type, e.g. <c>MARKET</c>.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="OrigQty">Units ordered.</param>
/// <param name="ExecutedQty">Units filled so far.</param>
/// <param name="CummulativeQuoteQty">Quote currency traded so far (Binance's spelling).</param>
/// <param name="Price">Limit price, 0 for none.</param>
/// <param name="StopPrice">Stop price, 0 for none.</param>
/// <param name="Time">When it was placed, Unix milliseconds.</param>
/// <param name="UpdateTime">When it last changed (for a fill, the fill's time), Unix milliseconds.</param>
public sealed record OrderReport(
    string Symbol,
    long OrderId,
    string ClientOrderId,
    OrderSide Side,
    string Type,
    ExchangeOrderStatus Status,
    decimal OrigQty,
    decimal ExecutedQty,
    decimal CummulativeQuoteQty,
    decimal Price,
    decimal StopPrice,
    long Time,
    long UpdateTime)
{
    /// <summary>Average fill price, quote currency per unit; null before any fill.</summary>
    public decimal? AveragePrice => ExecutedQty > 0 ? CummulativeQuoteQty / ExecutedQty : null;
}
