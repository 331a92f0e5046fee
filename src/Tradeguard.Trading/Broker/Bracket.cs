namespace Tradeguard.Trading.Broker;

/// <summary>
/// Protective exits the broker attaches to a long position when the buy order that opened it fills: a stop-loss
/// (a sell stop <see cref="StopLoss"/> below the fill price) and a take-profit (a sell limit
/// <see cref="TakeProfit"/> above it), one cancelling the other. Both are fractions of the fill price (0.05 = 5 %).
/// </summary>
/// <param name="StopLoss">Distance of the stop below the fill price, as a fraction in (0, 1); null for none.</param>
/// <param name="TakeProfit">Distance of the take-profit above the fill price, as a fraction above 0; null for none.</param>
/// <param name="Trailing">When true the stop trails: after each bar it is raised to (highest close since the fill) × (1 − StopLoss).</param>
public sealed record Bracket(decimal? StopLoss = null, decimal? TakeProfit = null, bool Trailing = false)
{
    /// <summary>Checks the fractions; returns the problem in words, or null when the bracket is usable.</summary>
    public string? Problem() =>
        StopLoss is { } s && (s <= 0 || s >= 1) ? "stopLoss must be a fraction between 0 and 1 (0.05 = 5 %)"
        : TakeProfit is { } t && t <= 0 ? "takeProfit must be a fraction above 0 (0.10 = 10 %)"
        : Trailing && StopLoss is null ? "trailing needs a stopLoss distance"
        : null;
}
