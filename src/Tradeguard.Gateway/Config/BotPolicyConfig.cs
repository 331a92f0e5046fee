namespace Tradeguard.Gateway.Config;

/// <summary>
/// One bot in the gateway config and the limits its orders must keep (docs/gateway.md, "Config"). Amounts are in the
/// quote currency of the symbol (e.g. USDT for BTCUSDT); quantities in its base asset.
/// </summary>
public sealed record BotPolicyConfig
{
    /// <summary>The bot's name (<see cref="Keys.BotName.Pattern"/>); its key is the vault item <c>bot-&lt;name&gt;</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Symbols it may trade, e.g. <c>["BTCUSDT"]</c>; required, at least one.</summary>
    public IReadOnlyList<string>? Symbols { get; set; }

    /// <summary>Order types it may place (Binance names: <c>MARKET</c>, <c>LIMIT</c>, <c>STOP_LOSS</c>, <c>STOP_LOSS_LIMIT</c>, …); default <c>["MARKET", "LIMIT"]</c>.</summary>
    public IReadOnlyList<string> OrderTypes { get; set; } = ["MARKET", "LIMIT"];

    /// <summary>Largest value of one order, quote currency (price × quantity; market orders at the last price); required, above 0.</summary>
    public decimal? MaxOrderNotional { get; set; }

    /// <summary>Largest position per symbol, base units, counting buy orders still working; required, above 0.</summary>
    public decimal? MaxPosition { get; set; }

    /// <summary>Most new orders per rolling minute; default 60.</summary>
    public int MaxOrdersPerMinute { get; set; } = 60;

    /// <summary>Realised loss per UTC day, quote currency, at which the bot's kill switch engages; required, above 0.</summary>
    public decimal? MaxDailyLoss { get; set; }
}
