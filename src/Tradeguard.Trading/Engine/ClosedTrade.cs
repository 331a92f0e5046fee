namespace Tradeguard.Trading.Engine;

/// <summary>
/// A round trip: a long position opened from flat and closed back to flat. Prices are volume-weighted averages of the
/// fills, quote currency per unit; P&amp;L in quote currency.
/// </summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="EntryTime">Time of the bar of the first buy fill.</param>
/// <param name="ExitTime">Time of the bar of the fill that made the position flat.</param>
/// <param name="Quantity">Units bought over the trade.</param>
/// <param name="EntryPrice">Average buy price.</param>
/// <param name="ExitPrice">Average sell price.</param>
/// <param name="GrossPnl">Sell value − buy cost, before commission.</param>
/// <param name="Commission">Commission of every fill of the trade.</param>
/// <param name="BarsHeld">Bars from the entry fill to the exit fill.</param>
public sealed record ClosedTrade(
    string Symbol,
    DateTime EntryTime,
    DateTime ExitTime,
    decimal Quantity,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal GrossPnl,
    decimal Commission,
    int BarsHeld)
{
    /// <summary>Gross P&amp;L less commission.</summary>
    public decimal NetPnl => GrossPnl - Commission;
}
