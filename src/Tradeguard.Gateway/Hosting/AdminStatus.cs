using Tradeguard.Alerts;

namespace Tradeguard.Gateway.Hosting;

/// <summary>What <c>GET /status</c> on the admin socket answers (and <c>gateway status</c> prints).</summary>
/// <param name="Mode"><c>paper</c> or <c>live</c>.</param>
/// <param name="Bots">Each bot as the gateway saw it.</param>
public sealed record AdminStatus(string Mode, IReadOnlyList<BotReport> Bots)
{
    /// <summary>The status for <paramref name="mode"/> and <paramref name="bots"/>.</summary>
    public static AdminStatus Of(TradingMode mode, IReadOnlyList<BotReport> bots) => new(mode == TradingMode.Live ? "live" : "paper", bots);
}
