using Tradeguard.Trading.Broker;

namespace Tradeguard.Exchange.Models;

/// <summary>The wire names of Binance Spot enums (sides, order types, statuses) and their mapping to ours.</summary>
public static class BinanceNames
{
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
    public static string? Type(OrderType type) => type switch
    {
        OrderType.Market => "MARKET",
        OrderType.Limit => "LIMIT",
        OrderType.Stop => "STOP_LOSS",
        OrderType.StopLimit => "STOP_LOSS_LIMIT",
        _ => null,
    };

    /// <summary>Parses a Binance order type we support; null for anything else.</summary>
    public static OrderType? ParseType(string? text) => text switch
    {
        "MARKET" => OrderType.Market,
        "LIMIT" => OrderType.Limit,
        "STOP_LOSS" => OrderType.Stop,
        "STOP_LOSS_LIMIT" => OrderType.StopLimit,
        _ => null,
    };

    /// <summary>The wire name of a status.</summary>
    public static string Status(ExchangeOrderStatus status) => status switch
    {
        ExchangeOrderStatus.New => "NEW",
        ExchangeOrderStatus.PartiallyFilled => "PARTIALLY_FILLED",
        ExchangeOrderStatus.Filled => "FILLED",
        ExchangeOrderStatus.Canceled => "CANCELED",
        ExchangeOrderStatus.Rejected => "REJECTED",
        ExchangeOrderStatus.Expired => "EXPIRED",
        _ => "EXPIRED_IN_MATCH",
    };

    /// <summary>Parses a wire status.</summary>
    /// <exception cref="FormatException">Not a Binance order status.</exception>
    public static ExchangeOrderStatus ParseStatus(string? text) => text switch
    {
        "NEW" or "PENDING_NEW" => ExchangeOrderStatus.New,
        "PARTIALLY_FILLED" => ExchangeOrderStatus.PartiallyFilled,
        "FILLED" => ExchangeOrderStatus.Filled,
        "CANCELED" or "PENDING_CANCEL" => ExchangeOrderStatus.Canceled,
        "REJECTED" => ExchangeOrderStatus.Rejected,
        "EXPIRED" => ExchangeOrderStatus.Expired,
        "EXPIRED_IN_MATCH" => ExchangeOrderStatus.ExpiredInMatch,
        _ => throw new FormatException($"unknown order status '{text}'"),
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
