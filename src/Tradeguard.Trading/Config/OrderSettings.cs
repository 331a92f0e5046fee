using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Config;

/// <summary>
/// Checks <c>strategy.orders</c> of a run config: the entry and exit orders of a built-in strategy
/// (<see cref="SignalOrder"/>, whose <see cref="SignalOrder.Problem"/> holds the rules for each type) and the decimals
/// prices are rounded to. Every problem names its setting, e.g. <c>strategy.orders.entry.offset</c>.
/// </summary>
internal static class OrderSettings
{
    private const string Types = "market, close, limit, stop or stop-limit";

    /// <summary>The checked <see cref="SignalOrders"/> for <paramref name="direction"/>; absent settings are market orders and 2 decimals.</summary>
    /// <exception cref="Core.Errors.TradeguardException">A setting is missing, unknown, out of range or does not fit its order type (exit code 5).</exception>
    public static SignalOrders Check(string path, TradeDirection direction, RunConfigFile.OrdersSection? section)
    {
        if (section is null)
        {
            return new SignalOrders(direction);
        }

        var decimals = section.PriceDecimals ?? 2;
        if (decimals is < 0 or > SignalOrders.MaxPriceDecimals)
        {
            throw ConfigError.Setting(path, "strategy.orders.priceDecimals", $"must be a whole number from 0 to {SignalOrders.MaxPriceDecimals} (got {decimals})");
        }

        return new SignalOrders(direction, Order(path, "strategy.orders.entry", section.Entry), Order(path, "strategy.orders.exit", section.Exit), decimals);
    }

    private static SignalOrder? Order(string path, string setting, RunConfigFile.OrderSection? section)
    {
        if (section is null)
        {
            return null;
        }

        var type = section.Type switch
        {
            null => throw ConfigError.Setting(path, $"{setting}.type", $"is missing: use {Types}"),
            "market" => OrderType.Market,
            "close" => OrderType.Close,
            "limit" => OrderType.Limit,
            "stop" => OrderType.Stop,
            "stop-limit" => OrderType.StopLimit,
            _ => throw ConfigError.Setting(path, $"{setting}.type", $"is not an order type: use {Types}"),
        };
        if (section.Valid is { Bars: null, Days: null })
        {
            throw ConfigError.Setting(path, $"{setting}.valid", "needs bars or days: leave it out for good till cancelled");
        }

        var order = new SignalOrder(type, section.Offset, section.LimitOffset, section.Valid?.Bars, section.Valid?.Days);
        return order.Problem() is var (key, problem) ? throw ConfigError.Setting(path, $"{setting}.{key}", problem) : order;
    }
}
