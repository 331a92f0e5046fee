namespace Tradeguard.Trading.Risk;

/// <summary>
/// The limits the risk guard enforces between the strategy and the broker; a null limit is not enforced.
/// </summary>
/// <param name="MaxPosition">Largest absolute position, in units, that an order adding exposure may lead to (counting working orders on its side): long or short.</param>
/// <param name="MaxOrderNotional">Largest value of one order that adds exposure (a buy, or a short sale), quote currency (units × reference price); exits are never held back by it.</param>
/// <param name="MaxOrdersPerMinute">Most orders accepted within any 60 seconds of market time.</param>
/// <param name="MaxDailyLoss">
/// Loss from the day's opening equity, quote currency, at which the kill switch engages: working orders that would add
/// exposure are cancelled and every new order that would add to the position is refused for the rest of the run (orders that reduce it
/// are still allowed, so the strategy can get out).
/// </param>
public sealed record RiskLimits(
    decimal? MaxPosition = null,
    decimal? MaxOrderNotional = null,
    int? MaxOrdersPerMinute = null,
    decimal? MaxDailyLoss = null)
{
    /// <summary>No limits.</summary>
    public static RiskLimits None { get; } = new();
}
