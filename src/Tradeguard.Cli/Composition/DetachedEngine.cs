using Tradeguard.Alerts;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Cli.Composition;

/// <summary>
/// The engine port of <c>tradeguard telegram serve</c> when it runs on its own: no strategy runs in that process, and
/// every command says so instead of pretending to act.
/// </summary>
internal sealed class DetachedEngine : IEngineControl
{
    private const string Nothing = "No strategy runs in this bot process";

    public EngineReport Status() => Report("Status: no strategy running");

    public EngineReport Positions() => Report("Positions: none (no strategy running)");

    public EngineReport Pnl() => Report("P&L: none (no strategy running)");

    public string Pause() => Nothing + "; nothing was paused.";

    public string Resume() => Nothing + "; nothing was resumed.";

    public string Stop() => Nothing + "; nothing was stopped.";

    public string CloseAll() => Nothing + "; no position was closed.";

    private static EngineReport Report(string title) => new(title, TradingMode.None, []);
}
