using System.Globalization;

namespace Tradeguard.Trading.Broker;

/// <summary>
/// An exchange's trading rules for one symbol, as Binance publishes them in <c>GET /api/v3/exchangeInfo</c>'s symbol
/// filters: <c>LOT_SIZE.stepSize</c>, <c>PRICE_FILTER.tickSize</c> and <c>NOTIONAL.minNotional</c> (or the older
/// <c>MIN_NOTIONAL.minNotional</c>), per Binance's "Filters" page (filters.md of binance/binance-spot-api-docs).
/// A run without an instrument trades whole units at any price, as before (backtrader's stock-like default).
/// </summary>
/// <param name="LotSize">Quantities are whole multiples of this many units, above 0 (e.g. 0.00001 BTC).</param>
/// <param name="TickSize">Limit and stop prices are whole multiples of this, quote currency per unit; 0 for any price.</param>
/// <param name="MinNotional">The least quantity × price an order may have, quote currency; 0 for no minimum.</param>
public sealed record Instrument(decimal LotSize, decimal TickSize, decimal MinNotional)
{
    /// <summary>The largest multiple of <see cref="LotSize"/> not above <paramref name="units"/> (0 for a negative amount).</summary>
    public decimal RoundQuantity(decimal units) => units > 0 ? Math.Floor(units / LotSize) * LotSize : 0;

    /// <summary>The largest multiple of <see cref="TickSize"/> not above <paramref name="price"/> (unchanged when the tick is 0).</summary>
    public decimal PriceDown(decimal price) => TickSize > 0 ? Math.Floor(price / TickSize) * TickSize : price;

    /// <summary>The smallest multiple of <see cref="TickSize"/> not below <paramref name="price"/> (unchanged when the tick is 0).</summary>
    public decimal PriceUp(decimal price) => TickSize > 0 ? Math.Ceiling(price / TickSize) * TickSize : price;

    /// <summary>
    /// Why an order of <paramref name="quantity"/> at <paramref name="price"/> breaks these rules (worded as the filter
    /// Binance would answer -1013 with), or null when it keeps them.
    /// </summary>
    /// <param name="quantity">Units.</param>
    /// <param name="price">The order's reference price (its limit or stop, else the last close), quote currency per unit.</param>
    /// <param name="hasPrice">True when the price is the order's own limit or stop price, which must sit on the tick.</param>
    public string? Problem(decimal quantity, decimal price, bool hasPrice)
    {
        if (quantity % LotSize != 0)
        {
            return $"quantity {Show(quantity)} is not a multiple of the lot size {Show(LotSize)} (LOT_SIZE)";
        }

        if (hasPrice && TickSize > 0 && price % TickSize != 0)
        {
            return $"price {Show(price)} is not a multiple of the tick size {Show(TickSize)} (PRICE_FILTER)";
        }

        return quantity * price < MinNotional
            ? $"notional {Show(quantity * price)} is below the minimum {Show(MinNotional)} (NOTIONAL)"
            : null;
    }

    private static string Show(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
