using Tradeguard.Alerts;

namespace Tradeguard.Telegram.Ports;

/// <summary>One line of an engine report: a high-level text anyone may see and its sensitive details held apart.</summary>
/// <param name="Text">E.g. <c>ORCL · long</c>; no quantities, prices or balances.</param>
/// <param name="Details">Quantities, prices, balances, P&amp;L: sent only under the <c>detailed</c> exposure, sealed.</param>
public sealed record ReportLine(string Text, AlertDetails Details);

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

    /// <summary>Resumes after <see cref="Pause"/>. Returns a one-line result.</summary>
    string Resume();

    /// <summary>Stops trading (kill switch). Returns a one-line result.</summary>
    string Stop();

    /// <summary>Closes every open position at market. Returns a one-line result.</summary>
    string CloseAll();
}
