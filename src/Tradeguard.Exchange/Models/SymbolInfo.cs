namespace Tradeguard.Exchange.Models;

/// <summary>One symbol from <c>GET /api/v3/exchangeInfo</c>.</summary>
/// <param name="Symbol">Trading pair, e.g. <c>ORCL</c> in the sandbox or <c>BTCUSDT</c>.</param>
/// <param name="Status">E.g. <c>TRADING</c>.</param>
/// <param name="BaseAsset">The asset bought and sold.</param>
/// <param name="QuoteAsset">The asset prices are in.</param>
/// <param name="OrderTypes">Order types the symbol accepts (wire names).</param>
public sealed record SymbolInfo(string Symbol, string Status, string BaseAsset, string QuoteAsset, IReadOnlyList<string> OrderTypes);
