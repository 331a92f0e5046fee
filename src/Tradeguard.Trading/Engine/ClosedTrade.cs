namespace Tradeguard.Trading.Engine;

/// <summary>
/// A round trip: a position opened from flat and closed back to flat (a reversing fill closes one trade and opens the
/// next). Prices are volume-weighted averages of the fills, quote currency per unit; P&amp;L in quote currency.
/// </summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="EntryTime">Time of the bar of the first fill that opened the position.</param>
/// <param name="ExitTime">Time of the bar of the fill that made the position flat (or reversed it).</param>
/// <param name="Quantity">Units opened over the trade: positive for a long trade, negative for a short one (as backtrader's <c>Trade.size</c>).</param>
/// <param name="EntryPrice">Average price of the opening fills (buys for a long trade, sells for a short one).</param>
/// <param name="ExitPrice">Average price of the closing fills.</param>
/// <param name="GrossPnl">(Exit − entry) × quantity before commission: sell value − buy cost; for futures-like terms × the multiplier.</param>
/// <param name="Commission">Commission of every fill of the trade (a reversing fill's shared by units).</param>
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
