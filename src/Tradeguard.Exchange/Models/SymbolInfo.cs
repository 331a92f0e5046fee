namespace Tradeguard.Exchange.Models;

/// <summary>One symbol from <c>GET /api/v3/exchangeInfo</c>.</summary>
/// <param name="Symbol">Trading pair, e.g. <c>ORCL</c> in the sandbox or <c>BTCUSDT</c>.</param>
/// <param name="Status">E.g. <c>TRADING</c>.</param>
/// <param name="BaseAsset">The asset bought and sold.</param>
/// <param name="QuoteAsset">The asset prices are in.</param>
/// <param name="OrderTypes">Order types the symbol accepts (wire names).</param>
public sealed record SymbolInfo(string Symbol, string Status, string BaseAsset, string QuoteAsset, IReadOnlyList<string> OrderTypes)
{
    /// <summary>
    /// The symbol's <c>LOT_SIZE.stepSize</c>, <c>PRICE_FILTER.tickSize</c> and <c>NOTIONAL.minNotional</c> (or
    /// <c>MIN_NOTIONAL.minNotional</c>), trailing zeros dropped; null when the answer carries no <c>LOT_SIZE</c> filter.
    /// </summary>
    public Trading.Broker.Instrument? Filters { get; init; }
}
