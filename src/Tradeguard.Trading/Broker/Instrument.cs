using System.Globalization;
using System.Text.Json.Serialization;

namespace Tradeguard.Trading.Broker;

/// <summary>
/// An exchange's trading rules for one symbol, as Binance publishes them in <c>GET /api/v3/exchangeInfo</c>'s symbol
/// filters: <c>LOT_SIZE</c> (<c>stepSize</c>, <c>maxQty</c>), <c>PRICE_FILTER</c> (<c>tickSize</c>, <c>maxPrice</c>) and
/// <c>NOTIONAL</c> (<c>minNotional</c>, or the older <c>MIN_NOTIONAL.minNotional</c>, and <c>maxNotional</c>), per
/// Binance's "Filters" page (filters.md of binance/binance-spot-api-docs). The least quantity (<c>minQty</c>) is one
/// lot and the least price (<c>minPrice</c>) one tick. A run without an instrument trades whole units at any price, as
/// before (backtrader's stock-like default). Written as JSON (a download's instrument file), the maximums appear only
/// when set, so the file stays a run config's <c>instrument</c> section.
/// </summary>
/// <param name="LotSize">Quantities are whole multiples of this many units, above 0 (e.g. 0.00001 BTC).</param>
/// <param name="TickSize">Limit and stop prices are whole multiples of this, quote currency per unit; 0 for any price.</param>
/// <param name="MinNotional">The least quantity × price an order may have, quote currency; 0 for no minimum.</param>
public sealed record Instrument(decimal LotSize, decimal TickSize, decimal MinNotional)
{
    /// <summary>The most units an order may have (<c>LOT_SIZE.maxQty</c>); 0 (the default) for no maximum.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public decimal MaxQuantity { get; init; }

    /// <summary>The highest limit or stop price, quote currency per unit (<c>PRICE_FILTER.maxPrice</c>); 0 (the default) for none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public decimal MaxPrice { get; init; }

    /// <summary>
    /// The most quantity × price an order with a limit or stop price may have, quote currency
    /// (<c>NOTIONAL.maxNotional</c> with <c>applyMaxToMarket</c> false: market orders are not held to it); 0 (the default) for none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public decimal MaxNotional { get; init; }

    /// <summary>The largest multiple of <see cref="TickSize"/> not above <paramref name="price"/> (unchanged when the tick is 0).</summary>
    public decimal PriceDown(decimal price) => TickSize > 0 ? Math.Floor(price / TickSize) * TickSize : price;

    /// <summary>The smallest multiple of <see cref="TickSize"/> not below <paramref name="price"/> (unchanged when the tick is 0).</summary>
    public decimal PriceUp(decimal price) => TickSize > 0 ? Math.Ceiling(price / TickSize) * TickSize : price;

    /// <summary>
    /// A fill price an exchange could trade at: <paramref name="price"/> (already slipped and inside the bar) rounded onto
    /// the tick against the trader, a buy up and a sell down. A rounding that would leave the bar's
    /// [<paramref name="low"/>, <paramref name="high"/>] range goes the other way instead, to the tick inside the range.
    /// When no multiple of the tick lies inside the range (bars that are not on this tick grid, e.g. adjusted prices),
    /// the price is kept as it is: a price that traded beats the grid. Unchanged when the tick is 0.
    /// </summary>
    /// <param name="side">The order's side.</param>
    /// <param name="price">The fill price after slippage, quote currency per unit, within [low, high].</param>
    /// <param name="low">The bar's low.</param>
    /// <param name="high">The bar's high.</param>
    public decimal FillPrice(OrderSide side, decimal price, decimal low, decimal high)
    {
        if (TickSize == 0)
        {
            return price;
        }

        var against = side == OrderSide.Buy ? PriceUp(price) : PriceDown(price);
        if (against >= low && against <= high)
        {
            return against;
        }

        var favour = side == OrderSide.Buy ? PriceDown(price) : PriceUp(price);
        return favour >= low && favour <= high ? favour : price;
    }

    /// <summary>
    /// The first of these rules that an order breaks, in Binance's filter order LOT_SIZE, PRICE_FILTER, NOTIONAL, or null
    /// when it keeps them all: LOT_SIZE, the quantity is at least one lot, a multiple of it and at most
    /// <see cref="MaxQuantity"/>; PRICE_FILTER, its limit price and its stop price are each at least one tick, a multiple
    /// of it and at most <see cref="MaxPrice"/>; NOTIONAL, quantity × (its limit, else its stop, else
    /// <paramref name="lastPrice"/> for a market order, as Binance with <c>applyMinToMarket</c> and
    /// <c>avgPriceMins</c> 0) is at least <see cref="MinNotional"/>, and for an order with its own price at most
    /// <see cref="MaxNotional"/>.
    /// </summary>
    /// <param name="quantity">Units.</param>
    /// <param name="limitPrice">The order's limit price, quote currency per unit; null for none.</param>
    /// <param name="stopPrice">The order's stop price, quote currency per unit; null for none.</param>
    /// <param name="lastPrice">The last price (the last close), which values an order without a price of its own.</param>
    public FilterFailure? Check(decimal quantity, decimal? limitPrice, decimal? stopPrice, decimal lastPrice)
    {
        if (QuantityProblem(quantity) is { } lot)
        {
            return new FilterFailure("LOT_SIZE", lot);
        }

        if ((PriceProblem("price", limitPrice) ?? PriceProblem("stop price", stopPrice)) is { } price)
        {
            return new FilterFailure("PRICE_FILTER", price);
        }

        var own = limitPrice ?? stopPrice;
        var notional = quantity * (own ?? lastPrice);
        return notional < MinNotional ? new FilterFailure("NOTIONAL", $"notional {Show(notional)} is below the minimum {Show(MinNotional)}")
            : MaxNotional > 0 && own is not null && notional > MaxNotional ? new FilterFailure("NOTIONAL", $"notional {Show(notional)} is above the maximum {Show(MaxNotional)}")
            : null;
    }

    private string? QuantityProblem(decimal quantity) =>
        quantity < LotSize ? $"quantity {Show(quantity)} is below the lot size {Show(LotSize)}"
        : quantity % LotSize != 0 ? $"quantity {Show(quantity)} is not a multiple of the lot size {Show(LotSize)}"
        : MaxQuantity > 0 && quantity > MaxQuantity ? $"quantity {Show(quantity)} is above the maximum {Show(MaxQuantity)}"
        : null;

    private string? PriceProblem(string name, decimal? price) =>
        price is not { } p ? null
        : TickSize > 0 && p < TickSize ? $"{name} {Show(p)} is below the tick size {Show(TickSize)}"
        : TickSize > 0 && p % TickSize != 0 ? $"{name} {Show(p)} is not a multiple of the tick size {Show(TickSize)}"
        : MaxPrice > 0 && p > MaxPrice ? $"{name} {Show(p)} is above the maximum {Show(MaxPrice)}"
        : null;

    private static string Show(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
