using Tradeguard.Core.Errors;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Strategies.Plugins;

/// <summary>
/// A plugin strategy behind a guard: an exception thrown by the plugin's own code while the run is on stops the run
/// with a clear error (exit 5, naming the strategy, the bar's time and the plugin's message), never as a crash with
/// exit 70. Built-in strategies are not wrapped, so their per-bar path is unchanged.
/// </summary>
internal sealed class GuardedPluginStrategy(Strategy plugin, string typeName, string assemblyPath) : Strategy
{
    /// <inheritdoc />
    public override string Name => plugin.Name;

    /// <inheritdoc />
    public override IReadOnlyList<PriceOverlay> Overlays => plugin.Overlays;

    /// <inheritdoc />
    public override void OnBar(StrategyContext context, in Bar bar)
    {
        try
        {
            plugin.OnBar(context, bar);
        }
        catch (Exception e) when (e is not (TradeguardException or OperationCanceledException))
        {
            throw Failed($"on the bar of {bar.Time:yyyy-MM-dd HH:mm}", e);
        }
    }

    /// <inheritdoc />
    public override void OnOrderUpdate(StrategyContext context, Order order)
    {
        try
        {
            plugin.OnOrderUpdate(context, order);
        }
        catch (Exception e) when (e is not (TradeguardException or OperationCanceledException))
        {
            throw Failed($"on the update of order {order.Id}", e);
        }
    }

    private TradeguardException Failed(string where, Exception e)
    {
        var message = e.Message.Split('\n', 2)[0].TrimEnd('\r');
        return new TradeguardException(ExitCode.Configuration,
            $"strategy plugin {typeName} ({assemblyPath}) failed {where}: {message}; the run stopped there", e);
    }
}
