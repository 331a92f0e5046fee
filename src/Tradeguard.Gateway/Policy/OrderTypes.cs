namespace Tradeguard.Gateway.Policy;

/// <summary>The Binance Spot order types (rest-api.md, "New order", <c>type</c>) a bot's policy may allow.</summary>
public static class OrderTypes
{
    /// <summary>Every type, by Binance name.</summary>
    public static IReadOnlyList<string> Known { get; } = ["MARKET", "LIMIT", "LIMIT_MAKER", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"];

    /// <summary>True when <paramref name="type"/> is one of <see cref="Known"/> (exact case).</summary>
    public static bool IsKnown(string? type) => type is not null && Known.Contains(type, StringComparer.Ordinal);
}
