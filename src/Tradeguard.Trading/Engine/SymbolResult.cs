using Tradeguard.Trading.Broker;

namespace Tradeguard.Trading.Engine;

/// <summary>What one symbol of a finished portfolio run leaves for the report. Money in quote currency.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="StrategyName">Its strategy's display name with its parameters.</param>
/// <param name="Bars">Bars of the symbol stepped.</param>
/// <param name="LastClose">Close of its last bar (0 without bars): where its position is marked.</param>
/// <param name="FinalPosition">Units held at the end.</param>
/// <param name="NetPnl">
/// What its fills moved the shared cash by (sale proceeds less purchases and commission; for futures-like terms the
/// margin and settlements) plus its position valued at <paramref name="LastClose"/>: commission included, open
/// position marked. The symbols' net P&amp;L add up to the run's final value less its starting cash.
/// </param>
/// <param name="Commission">Commission paid on its fills.</param>
/// <param name="Trades">Its closed round trips.</param>
/// <param name="Orders">Its orders, in the order placed (ids are counted per symbol).</param>
public sealed record SymbolResult(
    string Symbol,
    string StrategyName,
    int Bars,
    decimal LastClose,
    decimal FinalPosition,
    decimal NetPnl,
    decimal Commission,
    IReadOnlyList<ClosedTrade> Trades,
    IReadOnlyList<Order> Orders);
