using Tradeguard.Trading.Broker;

namespace Tradeguard.Trading.Risk;

/// <summary>
/// Checks every order before it reaches the broker, and watches the daily loss (DESIGN.md, "Trading": max position,
/// max order notional, max orders per minute, max daily loss → kill switch). Time is market time (bar times), so a
/// backtest and a live run behave alike.
/// </summary>
public sealed class RiskGuard
{
    private const string DailyLossRefusal = "kill switch engaged: the daily loss limit was hit; only orders that reduce the position are accepted";
    private readonly RiskLimits limits;
    private readonly Queue<DateTime> recentOrders = new();
    private DateTime currentDay = DateTime.MinValue;
    private decimal dayStartEquity;
    private string killSwitchRefusal = DailyLossRefusal;

    /// <summary>Creates a guard enforcing <paramref name="limits"/>.</summary>
    public RiskGuard(RiskLimits limits) => this.limits = limits;

    /// <summary>True when a daily-loss limit is set: only then does <see cref="MarkEquity"/> need each bar's equity.</summary>
    internal bool WatchesDailyLoss => limits.MaxDailyLoss is not null;

    /// <summary>True when <see cref="Check(bool, decimal, decimal, decimal, DateTime)"/> can refuse an order: some order limit is set or the kill switch is engaged.</summary>
    internal bool ChecksOrders => KillSwitchEngaged || limits.MaxPosition is not null || limits.MaxOrderNotional is not null || limits.MaxOrdersPerMinute is not null;

    /// <summary>True once the daily-loss limit has been hit or <see cref="EngageKillSwitch"/> was called.</summary>
    public bool KillSwitchEngaged { get; private set; }

    /// <summary>
    /// Engages the kill switch from outside the guard (the operator's stop): from now on <see cref="Check(bool, decimal, decimal, decimal, DateTime)"/> refuses
    /// every order that adds exposure with <paramref name="refusal"/> as the reason.
    /// </summary>
    public void EngageKillSwitch(string refusal)
    {
        KillSwitchEngaged = true;
        killSwitchRefusal = refusal;
    }

    /// <summary>
    /// Decides whether an order of a long-only strategy may go to the broker: buys add exposure, sells reduce it
    /// (see <see cref="Check(bool, decimal, decimal, decimal, DateTime)"/>).
    /// </summary>
    public string? Check(OrderSide side, decimal quantity, decimal referencePrice, decimal positionAfter, DateTime time) =>
        Check(side == OrderSide.Buy, quantity, referencePrice, positionAfter, time);

    /// <summary>
    /// Decides whether an order may go to the broker. Returns null to accept it, or the reason it is refused
    /// (naming the limit and the amounts). Position and notional limits apply only to orders that add exposure (open
    /// or extend a long or a short position) and count absolute units, so a short of 100 meets <c>maxPosition</c> 100
    /// as a long of 100 does.
    /// </summary>
    /// <param name="addsExposure">True when the order opens or extends a position (a buy when flat or long, a sell when flat or short, a reversal).</param>
    /// <param name="quantity">Units ordered.</param>
    /// <param name="referencePrice">The price the order is expected to trade near (last close, or its limit/stop).</param>
    /// <param name="positionAfter">Absolute units held if this and every working order on its side fill.</param>
    /// <param name="time">The current bar's time.</param>
    public string? Check(bool addsExposure, decimal quantity, decimal referencePrice, decimal positionAfter, DateTime time)
    {
        if (KillSwitchEngaged && addsExposure)
        {
            return killSwitchRefusal;
        }

        if (addsExposure && limits.MaxPosition is { } maxPosition && positionAfter > maxPosition)
        {
            return $"max position: the order would take the position to {positionAfter} units, above the limit of {maxPosition}";
        }

        if (addsExposure && limits.MaxOrderNotional is { } maxNotional && quantity * referencePrice is var notional && notional > maxNotional)
        {
            return $"max order notional: the order is worth {notional:0.##}, above the limit of {maxNotional}";
        }

        if (limits.MaxOrdersPerMinute is { } maxPerMinute)
        {
            while (recentOrders.Count > 0 && recentOrders.Peek() <= time.AddMinutes(-1))
            {
                recentOrders.Dequeue();
            }

            if (recentOrders.Count >= maxPerMinute)
            {
                return $"max orders per minute: {recentOrders.Count} orders in the last minute, the limit is {maxPerMinute}";
            }

            recentOrders.Enqueue(time);
        }

        return null;
    }

    /// <summary>
    /// Marks the portfolio's equity at the end of a bar. Returns the reason when this bar engages the kill switch
    /// (the loss since the day's opening equity reached the limit), null otherwise.
    /// </summary>
    public string? MarkEquity(DateTime time, decimal equityAtOpenOfBar, decimal equity)
    {
        if (time.Date != currentDay)
        {
            currentDay = time.Date;
            dayStartEquity = equityAtOpenOfBar;
        }

        if (KillSwitchEngaged || limits.MaxDailyLoss is not { } maxLoss)
        {
            return null;
        }

        var loss = dayStartEquity - equity;
        if (loss < maxLoss)
        {
            return null;
        }

        KillSwitchEngaged = true;
        return $"max daily loss: equity fell {loss:0.##} since the day opened at {dayStartEquity:0.##}, the limit is {maxLoss}; kill switch engaged";
    }
}
