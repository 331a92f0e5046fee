using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Rest;

namespace Tradeguard.Gateway.Hosting;

/// <summary>One bot as the gateway saw it: control state, its own status line, orders, fills, positions and today's P&amp;L.</summary>
/// <param name="Bot">The bot.</param>
/// <param name="State">Running, paused or stopped.</param>
/// <param name="Reason">Why paused or stopped; null when running.</param>
/// <param name="StatusLine">The bot's own status line, or null.</param>
/// <param name="Orders">Orders placed through the gateway since it started.</param>
/// <param name="Working">Of those, still working.</param>
/// <param name="Fills">Fills seen.</param>
/// <param name="Positions">Position per symbol, base units.</param>
/// <param name="PnlToday">Realised P&amp;L today (UTC), quote currency.</param>
/// <param name="Trades">Round trips closed.</param>
/// <param name="Wins">Of those, the ones with a realised profit.</param>
public sealed record BotReport(string Bot, BotRunState State, string? Reason, string? StatusLine, int Orders, int Working, int Fills,
    IReadOnlyDictionary<string, decimal> Positions, decimal PnlToday, int Trades, int Wins)
{
    /// <summary>Every bot's report, in name order.</summary>
    public static IReadOnlyList<BotReport> All(ControlBoard board, OrderDesk desk) =>
        board.Status().Select(s =>
        {
            var ledger = desk.LedgerOf(s.Bot);
            var (orders, working, fills) = ledger.Counts();
            var (trades, wins) = ledger.RoundTrips();
            return new BotReport(s.Bot, s.State, s.Reason, s.StatusLine, orders, working, fills, ledger.Positions(), ledger.PnlToday(), trades, wins);
        }).ToArray();

    /// <summary>The state as a word: <c>running</c>, <c>paused</c>, <c>stopped</c>.</summary>
    public string StateWord => State.ToString().ToLowerInvariant();
}
