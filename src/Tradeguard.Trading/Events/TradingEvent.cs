using Tradeguard.Trading.Broker;

namespace Tradeguard.Trading.Events;

/// <summary>
/// Something the engine did, as an alert would tell it: the high-level part (<see cref="Kind"/>, <see cref="Symbol"/>,
/// <see cref="Side"/>, <see cref="Mode"/>, <see cref="Time"/>) that may be shown anywhere, and the sensitive
/// <see cref="Details"/> held apart (quantities, prices, cash, P&amp;L, order id).
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell, for order events; null otherwise.</param>
/// <param name="Mode">Paper or live.</param>
/// <param name="Time">The time of the bar the event happened on (market time, as in the data).</param>
/// <param name="Details">The sensitive part; never printed by <see cref="ToString"/>.</param>
public sealed record TradingEvent(
    TradingEventKind Kind,
    string Symbol,
    OrderSide? Side,
    TradingMode Mode,
    DateTime Time,
    TradingEventDetails Details)
{
    /// <summary>The high-level line without the mode marker, e.g. <c>Buy order executed · ORCL</c>.</summary>
    public string Headline => Kind switch
    {
        TradingEventKind.RunStarted => $"Run started · {Symbol}",
        TradingEventKind.RunFinished => $"Run finished · {Symbol}",
        TradingEventKind.RunFailed => $"Run failed · {Symbol}",
        TradingEventKind.OrderSubmitted => $"{SideWord}order submitted · {Symbol}",
        TradingEventKind.OrderFilled => $"{SideWord}order executed · {Symbol}",
        TradingEventKind.OrderRejected => $"{SideWord}order rejected · {Symbol}",
        TradingEventKind.OrderCancelled => $"{SideWord}order cancelled · {Symbol}",
        TradingEventKind.OrderExpired => $"{SideWord}order expired · {Symbol}",
        TradingEventKind.StopLossTriggered => $"Stop-loss triggered · {Symbol}",
        TradingEventKind.TakeProfitHit => $"Take-profit hit · {Symbol}",
        TradingEventKind.RiskLimitHit => $"Risk limit hit · {Symbol}",
        TradingEventKind.StoppedByOperator => $"Stopped by operator · {Symbol}",
        _ => $"{Kind} · {Symbol}",
    };

    /// <summary>The console line: the mode marker and the headline, e.g. <c>[paper] Buy order executed · ORCL</c>.</summary>
    public string AlertLine => $"[{(Mode == TradingMode.Paper ? "paper" : "LIVE")}] {Headline}";

    private string SideWord => Side switch
    {
        OrderSide.Buy => "Buy ",
        OrderSide.Sell => "Sell ",
        _ => string.Empty,
    };

    /// <summary>The high-level line only; the details are never part of it.</summary>
    public override string ToString() => AlertLine;
}
