using System.Globalization;
using Tradeguard.Alerts;
using Tradeguard.Exchange.Runner;
using Tradeguard.Telegram.Ports;
using EventMode = Tradeguard.Trading.Events.TradingMode;

namespace Tradeguard.Cli.Composition;

/// <summary>
/// The command bot's engine port bound to the strategy runner of <c>tradeguard exchange serve</c>: reports read the
/// runner's snapshot, and /pause, /resume, /stop and /closeall go through its <see cref="RunnerControl"/>, which the
/// runner applies on its own loop. Safe to call from the bot's thread.
/// </summary>
/// <remarks>Report lines carry only the symbol and state; quantities, prices and P&amp;L go into the sealed details.</remarks>
internal sealed class RunnerEngine(ExchangeStrategyRunner runner, TimeSpan closeAllWait) : IEngineControl
{
    public EngineReport Status()
    {
        var s = runner.Snapshot;
        var state = s.State switch
        {
            RunnerState.Paused => "paused (no new orders)",
            RunnerState.Halted => "stopped (kill switch engaged)",
            RunnerState.Finished => "finished",
            RunnerState.Starting => "starting",
            _ => "running",
        };
        var details = Details(("strategy", s.Strategy), ("candles", Number(s.BarsSeen)), ("last_candle", s.LastBarTime?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            ("working_orders", Number(s.WorkingOrders)), ("filled_orders", Number(s.FilledOrders)), ("cash", Number(s.Cash)), ("equity", Number(s.Equity)),
            ("halt_reason", s.HaltReason));
        return new EngineReport($"Status: {state}", Mode(s), [new ReportLine($"{s.Symbol} · {state}", details, Proportions(s))]);
    }

    public EngineReport Positions()
    {
        var s = runner.Snapshot;
        var lines = s.Position == 0
            ? []
            : new[]
            {
                new ReportLine($"{s.Symbol} · {(s.Position > 0 ? "long" : "short")}", Details(("quantity", Number(s.Position)), ("last_close", Number(s.LastClose))),
                    new AlertProportions(PositionOfEquity: AlertProportions.Ratio(s.Position * s.LastClose, s.Equity))),
            };
        return new EngineReport(lines.Length == 0 ? "Positions: none" : "Positions", Mode(s), lines);
    }

    public EngineReport Pnl()
    {
        var s = runner.Snapshot;
        return new EngineReport("P&L", Mode(s),
            [new ReportLine($"{s.Symbol} · {(s.Pnl > 0 ? "profit" : s.Pnl < 0 ? "loss" : "flat")}",
                Details(("pnl", Number(s.Pnl)), ("equity", Number(s.Equity)), ("start_equity", s.StartEquity is { } e ? Number(e) : null)), Proportions(s))]);
    }

    public string Pause() => runner.Control.Pause()
        ? $"Paused {runner.Snapshot.Symbol}: no new orders; working orders stay. /resume to continue."
        : "Already paused.";

    public string Resume()
    {
        if (runner.Snapshot.State == RunnerState.Halted)
        {
            return "The kill switch is engaged: /resume does not lift it. Restart the service after checking why it was stopped (and clear it with --reset-state).";
        }

        return runner.Control.Resume() ? $"Resumed {runner.Snapshot.Symbol}: new orders allowed." : "Not paused.";
    }

    public string Stop()
    {
        runner.Control.Halt("stopped by the operator");
        return $"Kill switch engaged on {runner.Snapshot.Symbol}: working buy orders are cancelled and no order that adds exposure is sent. /closeall to sell the position.";
    }

    public string CloseAll()
    {
        var result = runner.Control.RequestCloseAll();
        return result.Wait(closeAllWait)
            ? result.Result
            : $"Close-all requested; the runner has not confirmed within {closeAllWait.TotalSeconds:0} s. Check /positions.";
    }

    // Proportions only (the summary exposure level): every ratio is null until the first candle gives an equity.
    private static AlertProportions? Proportions(RunnerSnapshot s) => s.BarsSeen == 0 ? null : new AlertProportions(
        Return: AlertProportions.Ratio(s.Equity, s.StartEquity) - 1,
        Today: AlertProportions.Ratio(s.Equity, s.DayOpenEquity) - 1,
        Drawdown: AlertProportions.Ratio(s.Equity, s.PeakEquity) is { } ofPeak ? Math.Max(0, 1 - ofPeak) : null,
        PositionOfEquity: AlertProportions.Ratio(s.Position * s.LastClose, s.Equity),
        WinRate: s.Trades == 0 ? null : (decimal)s.WinningTrades / s.Trades,
        Trades: s.Trades);

    private static TradingMode Mode(RunnerSnapshot s) => s.Mode == EventMode.Live ? TradingMode.Live : TradingMode.Paper;

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static AlertDetails Details(params (string Name, string? Value)[] pairs) =>
        AlertDetails.From([.. pairs.Where(p => p.Value is not null).Select(p => (p.Name, p.Value!))]);
}
