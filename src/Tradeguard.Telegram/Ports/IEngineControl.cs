using Tradeguard.Alerts;

namespace Tradeguard.Telegram.Ports;

/// <summary>One line of an engine report: a high-level text anyone may see and its sensitive details held apart.</summary>
/// <param name="Text">E.g. <c>ORCL · long</c>; no quantities, prices or balances.</param>
/// <param name="Details">Quantities, prices, balances, P&amp;L: sent only under the <c>detailed</c> exposure, sealed.</param>
/// <param name="Proportions">Return %, drawdown %, win rate…: shown from the <c>summary</c> exposure up; null when the engine has none.</param>
public sealed record ReportLine(string Text, AlertDetails Details, AlertProportions? Proportions = null);

/// <summary>An engine report for <c>/status</c>, <c>/positions</c> or <c>/pnl</c>.</summary>
/// <param name="Title">E.g. <c>Status: running</c>.</param>
/// <param name="Mode">Paper or live, shown as a marker.</param>
/// <param name="Lines">One line per strategy, position or asset.</param>
public sealed record EngineReport(string Title, TradingMode Mode, IReadOnlyList<ReportLine> Lines);

/// <summary>The port to the trading engine that the command bot reads and steers.</summary>
public interface IEngineControl
{
    /// <summary>Engine state per strategy (running, paused) and balances.</summary>
    EngineReport Status();

    /// <summary>Open positions.</summary>
    EngineReport Positions();

    /// <summary>Profit and loss.</summary>
    EngineReport Pnl();

    /// <summary>Stops opening new orders; existing orders stay. Returns a one-line result.</summary>
    string Pause();

    /// <summary>Resumes after <see cref="Pause()"/>. Returns a one-line result.</summary>
    string Resume();

    /// <summary>Stops trading (kill switch). Returns a one-line result.</summary>
    string Stop();

    /// <summary>Closes every open position at market. Returns a one-line result.</summary>
    string CloseAll();

    /// <summary>
    /// <see cref="Pause()"/> for one target (a bot behind the gateway: <c>/pause momentum</c>), or all when
    /// <paramref name="target"/> is null. An engine with a single target answers a named one with
    /// <see cref="NoTargets"/>.
    /// </summary>
    string Pause(string? target) => target is null ? Pause() : NoTargets(target);

    /// <summary><see cref="Resume()"/> for one target, or all when <paramref name="target"/> is null.</summary>
    string Resume(string? target) => target is null ? Resume() : NoTargets(target);

    /// <summary><see cref="Stop()"/> for one target, or all when <paramref name="target"/> is null.</summary>
    string Stop(string? target) => target is null ? Stop() : NoTargets(target);

    /// <summary><see cref="CloseAll()"/> for one target, or all when <paramref name="target"/> is null.</summary>
    string CloseAll(string? target) => target is null ? CloseAll() : NoTargets(target);

    /// <summary>The answer of an engine with one target to a command naming one.</summary>
    static string NoTargets(string target) => $"This engine runs one strategy and has no target named {target}; send the command without a name.";
}
