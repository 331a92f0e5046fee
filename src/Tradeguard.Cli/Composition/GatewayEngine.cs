using System.Globalization;
using Tradeguard.Alerts;
using Tradeguard.Core.Errors;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Hosting;
using Tradeguard.Gateway.Journal;
using Tradeguard.Gateway.Rest;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Cli.Composition;

/// <summary>
/// The command bot's engine port bound to <c>tradeguard gateway serve</c>: /pause, /resume, /stop and /closeall act on
/// every bot behind the gateway, or on one (<c>/stop momentum</c>), through its <see cref="ControlBoard"/>; /status,
/// /positions and /pnl report each bot's state, its own status line, orders, fills and positions as the gateway saw
/// them. Report lines say only bot, symbol and state; counts, quantities and P&amp;L go into the sealed details.
/// </summary>
internal sealed class GatewayEngine(ControlBoard board, OrderDesk desk, GatewayJournal journal, TimeSpan actionWait) : IEngineControl
{
    private const string Source = "telegram";

    public EngineReport Status()
    {
        var reports = BotReport.All(board, desk);
        var lines = reports.Select(r => new ReportLine($"{r.Bot} · {r.StateWord}{(r.StatusLine is { } s ? " · " + s : string.Empty)}",
            Details(("orders", Number(r.Orders)), ("working_orders", Number(r.Working)), ("fills", Number(r.Fills)), ("reason", r.Reason)), Proportions(r))).ToArray();
        var running = reports.Count(r => r.State == BotRunState.Running);
        return new EngineReport($"Gateway: {running} of {reports.Count} bot(s) running", journal.Mode, lines);
    }

    public EngineReport Positions()
    {
        var lines = BotReport.All(board, desk)
            .SelectMany(r => r.Positions.Select(p => new ReportLine($"{r.Bot} · {p.Key} · {(p.Value > 0 ? "long" : "short")}", Details(("quantity", Number(p.Value))))))
            .ToArray();
        return new EngineReport(lines.Length == 0 ? "Positions: none" : "Positions", journal.Mode, lines);
    }

    public EngineReport Pnl() =>
        new("P&L today", journal.Mode, BotReport.All(board, desk)
            .Select(r => new ReportLine($"{r.Bot} · {(r.PnlToday > 0 ? "profit" : r.PnlToday < 0 ? "loss" : "flat")}", Details(("pnl_today", Number(r.PnlToday))),
                Proportions(r)))
            .ToArray());

    // The gateway sees a bot's fills, not its equity: of the summary level's proportions it can give win rate and trades.
    private static AlertProportions Proportions(BotReport r) =>
        new(WinRate: r.Trades == 0 ? null : (decimal)r.Wins / r.Trades, Trades: r.Trades);

    public string Pause() => Pause(null);

    public string Resume() => Resume(null);

    public string Stop() => Stop(null);

    public string CloseAll() => CloseAll(null);

    public string Pause(string? target) => Act("pause", target, () => Task.FromResult(board.Pause(target, Source)));

    public string Resume(string? target) => Act("resume", target, () => Task.FromResult(board.Resume(target, Source)));

    public string Stop(string? target) => Act("stop", target, () => board.StopAsync(target, Source));

    public string CloseAll(string? target) => Act("closeall", target, () => board.CloseAllAsync(target, Source));

    private string Act(string command, string? target, Func<Task<string>> action)
    {
        try
        {
            var task = action();
            var result = task.Wait(actionWait)
                ? task.Result
                : $"/{command} is under way at the exchange; it has not finished within {actionWait.TotalSeconds:0} s. Check /status.";
            journal.Control(Source, command, target, result);
            return result;
        }
        catch (Exception e) when ((e as TradeguardException ?? e.InnerException as TradeguardException) is { } refused)
        {
            return refused.Message; // an unknown bot name: nothing was done
        }
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static AlertDetails Details(params (string Name, string? Value)[] pairs) =>
        AlertDetails.From([.. pairs.Where(p => p.Value is not null).Select(p => (p.Name, p.Value!))]);
}
