namespace Tradeguard.Exchange.Models;

/// <summary>One asset's balance in <c>GET /api/v3/account</c>.</summary>
/// <param name="Asset">Asset code, e.g. <c>USDT</c>.</param>
/// <param name="Free">Available, units of the asset.</param>
/// <param name="Locked">Held by open orders, units of the asset.</param>
public sealed record Balance(string Asset, decimal Free, decimal Locked);
