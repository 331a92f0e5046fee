using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Strategies;

/// <summary>
/// A trading strategy: the engine calls <see cref="OnOrderUpdate"/> for every order whose status changed, then
/// <see cref="OnBar"/> with the bar that just closed, so a strategy can exit and re-enter on one bar. Strategies
/// place orders only through the <see cref="StrategyContext"/>; they never see credentials, the vault or the broker.
/// </summary>
public abstract class Strategy
{
    /// <summary>Name and parameters as shown in reports, e.g. <c>price-sma-cross(period=15)</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The lines to draw over the price in the HTML report (none by default); computed after the run.</summary>
    public virtual IReadOnlyList<PriceOverlay> Overlays => [];

    /// <summary>Called with each bar, oldest first, after the broker has matched orders against it.</summary>
    public abstract void OnBar(StrategyContext context, in Bar bar);

    /// <summary>Called when an order filled, was rejected, cancelled or expired, before the next <see cref="OnBar"/>.</summary>
    public virtual void OnOrderUpdate(StrategyContext context, Order order)
    {
    }
}
