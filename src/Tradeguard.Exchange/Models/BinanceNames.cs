using Tradeguard.Trading.Broker;

namespace Tradeguard.Exchange.Models;

/// <summary>The wire names of Binance Spot enums (sides, order types, statuses) and their mapping to ours.</summary>
public static class BinanceNames
{
    // One table per enum serves both directions.
    private static readonly (OrderType Type, string Name)[] Types =
        [(OrderType.Market, "MARKET"), (OrderType.Limit, "LIMIT"), (OrderType.Stop, "STOP_LOSS"), (OrderType.StopLimit, "STOP_LOSS_LIMIT")];

    private static readonly (ExchangeOrderStatus Status, string Name)[] Statuses =
    [
        (ExchangeOrderStatus.New, "NEW"), (ExchangeOrderStatus.PartiallyFilled, "PARTIALLY_FILLED"), (ExchangeOrderStatus.Filled, "FILLED"),
        (ExchangeOrderStatus.Canceled, "CANCELED"), (ExchangeOrderStatus.Rejected, "REJECTED"), (ExchangeOrderStatus.Expired, "EXPIRED"),
        (ExchangeOrderStatus.ExpiredInMatch, "EXPIRED_IN_MATCH"),
    ];

    /// <summary><c>BUY</c> or <c>SELL</c>.</summary>
    public static string Side(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    /// <summary>Parses <c>BUY</c>/<c>SELL</c>; null for anything else.</summary>
    public static OrderSide? ParseSide(string? text) => text switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => null,
    };

    /// <summary>
    /// The Binance order type for ours: Market → <c>MARKET</c>, Limit → <c>LIMIT</c>, Stop → <c>STOP_LOSS</c>
    /// (a market order once the stop trades), StopLimit → <c>STOP_LOSS_LIMIT</c>; null for Close, which Binance lacks.
    /// </summary>
    public static string? Type(OrderType type) => Array.Find(Types, t => t.Type == type).Name;

    /// <summary>Parses a Binance order type we support; null for anything else.</summary>
    public static OrderType? ParseType(string? text) => Array.FindIndex(Types, t => t.Name == text) is var i and >= 0 ? Types[i].Type : null;

    /// <summary>The wire name of a status.</summary>
    public static string Status(ExchangeOrderStatus status) => Array.Find(Statuses, s => s.Status == status).Name ?? "EXPIRED_IN_MATCH";

    /// <summary>Parses a wire status.</summary>
    /// <exception cref="FormatException">Not a Binance order status.</exception>
    public static ExchangeOrderStatus ParseStatus(string? text) => text switch
    {
        "PENDING_NEW" => ExchangeOrderStatus.New,
        "PENDING_CANCEL" => ExchangeOrderStatus.Canceled,
        _ => Array.FindIndex(Statuses, s => s.Name == text) is var i and >= 0 ? Statuses[i].Status : throw new FormatException($"unknown order status '{text}'"),
    };

    /// <summary>Our status for a paper-broker order.</summary>
    public static ExchangeOrderStatus FromBroker(OrderStatus status) => status switch
    {
        OrderStatus.Working => ExchangeOrderStatus.New,
        OrderStatus.Filled => ExchangeOrderStatus.Filled,
        OrderStatus.Cancelled => ExchangeOrderStatus.Canceled,
        OrderStatus.Rejected => ExchangeOrderStatus.Rejected,
        _ => ExchangeOrderStatus.Expired,
    };
}
