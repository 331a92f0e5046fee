using Tradeguard.Trading.Broker;

namespace Tradeguard.Trading.Engine;

/// <summary>Everything a finished run leaves for the report.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="StrategyName">The strategy's display name with its parameters.</param>
/// <param name="InitialCash">Starting cash, quote currency.</param>
/// <param name="FinalCash">Cash at the end (futures-like terms: with the open position's P&amp;L settled at the last close, as backtrader reports it).</param>
/// <param name="FinalPosition">Units held at the end.</param>
/// <param name="FinalValue">Cash plus the position at the last close (an order placed on the last bar never fills).</param>
/// <param name="TotalCommission">Commission paid.</param>
/// <param name="EquityCurve">The portfolio at each bar's close.</param>
/// <param name="Trades">Closed round trips.</param>
/// <param name="Orders">Every order of the run, in the order placed.</param>
/// <param name="KillSwitchEngaged">True if the daily-loss limit was hit.</param>
public sealed record RunResult(
    string Symbol,
    string StrategyName,
    decimal InitialCash,
    decimal FinalCash,
    decimal FinalPosition,
    decimal FinalValue,
    decimal TotalCommission,
    IReadOnlyList<EquityPoint> EquityCurve,
    IReadOnlyList<ClosedTrade> Trades,
    IReadOnlyList<Order> Orders,
    bool KillSwitchEngaged);
