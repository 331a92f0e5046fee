namespace Tradeguard.Exchange.Models;

/// <summary>The part of <c>GET /api/v3/exchangeInfo</c> Tradeguard uses.</summary>
/// <param name="ServerTime">Server time, Unix milliseconds.</param>
/// <param name="RequestWeightPerMinute">The <c>REQUEST_WEIGHT</c> limit per minute (Binance: 6000); null when not published.</param>
/// <param name="Symbols">The symbols asked for.</param>
public sealed record ExchangeInfo(long ServerTime, int? RequestWeightPerMinute, IReadOnlyList<SymbolInfo> Symbols);
