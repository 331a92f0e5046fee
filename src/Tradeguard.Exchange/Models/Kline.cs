namespace Tradeguard.Exchange.Models;

/// <summary>One closed candlestick from <c>GET /api/v3/klines</c>.</summary>
/// <param name="OpenTime">Start of the period, Unix milliseconds (market time).</param>
/// <param name="Open">Open price, quote currency per unit.</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Close price.</param>
/// <param name="Volume">Base-asset volume, units.</param>
/// <param name="CloseTime">End of the period, Unix milliseconds (inclusive).</param>
public sealed record Kline(long OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, long CloseTime);
