using Tradeguard.Cli.Composition;
using Tradeguard.Core.Audit;
using Tradeguard.Exchange.Runner;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.Tests;

/// <summary>
/// The Telegram commands reach the running strategy: the bot's engine port (<see cref="RunnerEngine"/>) is called from
/// another thread while the runner loops against the sandbox, as the bot's thread does in <c>exchange serve</c>.
/// </summary>
public sealed class RunnerControlTests
{
    private const string PausedReason = "new orders are paused by the operator";

    [Fact]
    public async Task Pause_FromTheBotThread_SendsNoNewOrderUntilResume()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await using var driver = await RunnerDriver.StartAsync(sandbox);
        var engine = new RunnerEngine(driver.Runner, TimeSpan.FromSeconds(10));
        await driver.StepUntilAsync(() => RunnerDriver.ExchangeOrderCount(sandbox.Market) > 0);

        var reply = await Task.Run(engine.Pause);
        var sentBeforePause = RunnerDriver.ExchangeOrderCount(sandbox.Market);
        await driver.StepUntilAsync(() => driver.Runner.Orders.Count(o => o.Reason == PausedReason) >= 2);

        Assert.Equal("Paused ORCL: no new orders; working orders stay. /resume to continue.", reply);
        Assert.Equal("Status: paused (no new orders)", engine.Status().Title);
        Assert.Equal(sentBeforePause, RunnerDriver.ExchangeOrderCount(sandbox.Market));
        Assert.Equal("Already paused.", await Task.Run(engine.Pause));

        Assert.Equal("Resumed ORCL: new orders allowed.", await Task.Run(engine.Resume));
        await driver.StepUntilAsync(() => RunnerDriver.ExchangeOrderCount(sandbox.Market) > sentBeforePause);
        Assert.Equal("Status: running", engine.Status().Title);
        sandbox.AssertLogsHoldNoSecret();
    }

    [Fact]
    public async Task CloseAll_FromTheBotThread_SellsThePositionAtMarketOnTheExchange()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await using var driver = await RunnerDriver.StartAsync(sandbox);
        var engine = new RunnerEngine(driver.Runner, TimeSpan.FromSeconds(10));
        await driver.StepUntilAsync(() => driver.Runner.Snapshot.Position > 0 && driver.Runner.Snapshot.WorkingOrders == 0);
        var held = driver.Runner.Snapshot.Position;
        Assert.Equal("Positions", engine.Positions().Title);
        Assert.Equal("ORCL · long", engine.Positions().Lines.Single().Text);

        var reply = await Task.Run(engine.CloseAll);

        Assert.Equal("Market sell of the whole ORCL position sent; working orders cancelled, new orders paused until /resume.", reply);
        var sell = Assert.Single(sandbox.Market.OpenOrders());
        Assert.Equal((OrderSide.Sell, OrderType.Market, held), (sell.Side, sell.Type, sell.Quantity));
        await driver.StepAsync(); // the market order fills at the next bar's open
        await driver.StepAsync();
        Assert.Equal(0m, driver.Runner.Snapshot.Position);
        Assert.Equal(0m, sandbox.Market.Balances().BaseFree + sandbox.Market.Balances().BaseLocked);
        Assert.Equal("Positions: none", engine.Positions().Title);
        Assert.Equal(RunnerState.Paused, driver.Runner.Snapshot.State);
        Assert.Equal("No open ORCL position; working orders cancelled, new orders paused until /resume.", await Task.Run(engine.CloseAll));
    }

    [Fact]
    public async Task Stop_EngagesTheKillSwitch_RefusesBuysAndIsNotLiftedByResume()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var audit = new RecordingAuditLog();
        await using var driver = await RunnerDriver.StartAsync(sandbox, audit: audit);
        var engine = new RunnerEngine(driver.Runner, TimeSpan.FromSeconds(10));
        await driver.StepUntilAsync(() => driver.Runner.Snapshot.Position == 0 && RunnerDriver.ExchangeOrderCount(sandbox.Market) > 1 && driver.Runner.Snapshot.WorkingOrders == 0);

        var reply = await Task.Run(engine.Stop);
        await driver.StepUntilAsync(() => driver.Runner.Orders.Any(o => o.Reason?.StartsWith("the operator's kill switch is engaged", StringComparison.Ordinal) == true));
        var buysAfter = driver.Runner.Orders.Where(o => o.Reason?.StartsWith("the operator's kill switch", StringComparison.Ordinal) == true).ToList();

        Assert.StartsWith("Kill switch engaged on ORCL", reply, StringComparison.Ordinal);
        Assert.All(buysAfter, o => Assert.Equal((OrderSide.Buy, OrderStatus.Rejected), (o.Side, o.Status)));
        Assert.Equal("Status: stopped (kill switch engaged)", engine.Status().Title);
        Assert.StartsWith("The kill switch is engaged: /resume does not lift it.", await Task.Run(engine.Resume), StringComparison.Ordinal);
        var record = Assert.Single(audit.Events, e => e.Action == "exchange.kill_switch");
        Assert.Equal(("stopped by the operator", "operator", "paper"), (record.Reason, record.Details!["by"], record.Details["mode"]));

        // One message says so; the buys the strategy keeps trying while stopped are refused and audited, not announced.
        var events = driver.Events.ToList();
        var stop = events.FindIndex(e => e.Kind == TradingEventKind.StoppedByOperator);
        Assert.Equal("[paper] Stopped by operator · ORCL", events[stop].AlertLine);
        Assert.Single(events, e => e.Kind == TradingEventKind.StoppedByOperator);
        Assert.DoesNotContain(events.Skip(stop), e => e.Kind is TradingEventKind.RiskLimitHit or TradingEventKind.OrderRejected);
        Assert.NotEmpty(buysAfter);
        Assert.Equal(buysAfter.Count, audit.Events.Count(e => e.Action == "exchange.order_rejected" && e.Reason.StartsWith("the operator's kill switch", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PnlAndStatusReports_CarryProportionsOfTheRun_FromItsOwnRoundTrips()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await using var driver = await RunnerDriver.StartAsync(sandbox);
        var engine = new RunnerEngine(driver.Runner, TimeSpan.FromSeconds(10));
        await driver.StepUntilAsync(() => driver.Runner.Snapshot.Trades > 0 && driver.Runner.Snapshot.Position == 0);

        var s = driver.Runner.Snapshot;
        var p = Assert.Single(engine.Pnl().Lines).Proportions!;
        Assert.Equal(s.Equity / s.StartEquity - 1, p.Return);
        Assert.Equal(s.Equity / s.DayOpenEquity - 1, p.Today);
        Assert.Equal(Math.Max(0, 1 - (s.Equity / s.PeakEquity!.Value)), p.Drawdown);
        Assert.Equal((0m, s.Trades), (p.PositionOfEquity, p.Trades));
        Assert.InRange(p.WinRate!.Value, 0m, 1m);
        Assert.True(s.PeakEquity >= s.Equity && s.PeakEquity >= s.StartEquity);
        // Each closed round trip is one buy and one sell that the sandbox filled for this run.
        Assert.True(sandbox.Market.AllOrders().Count(o => o.Status == OrderStatus.Filled) >= 2 * s.Trades);
        Assert.Equal(p, Assert.Single(engine.Status().Lines).Proportions);
    }

    [Theory]
    [InlineData(Trading.Events.TradingMode.Paper, Alerts.TradingMode.Paper, "[paper] ")]
    [InlineData(Trading.Events.TradingMode.Live, Alerts.TradingMode.Live, "[LIVE] ")]
    public async Task EveryEventAlertAndBotReport_CarriesTheRunsMode(Trading.Events.TradingMode mode, Alerts.TradingMode alertMode, string marker)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var audit = new RecordingAuditLog();
        await using var driver = await RunnerDriver.StartAsync(sandbox, mode, audit: audit);
        var engine = new RunnerEngine(driver.Runner, TimeSpan.FromSeconds(10));
        await driver.StepUntilAsync(() => driver.Runner.Orders.Any(o => o.Status == OrderStatus.Filled));
        await driver.StopAsync();

        var events = driver.Events.ToList();
        Assert.Contains(events, e => e.Kind == Trading.Events.TradingEventKind.OrderFilled);
        Assert.All(events, e => Assert.StartsWith(marker, e.AlertLine, StringComparison.Ordinal));
        Assert.All(events, e => Assert.Equal(alertMode, TradingAlertSink.ToAlert(e, "k").Mode));
        Assert.All(new[] { engine.Status(), engine.Positions(), engine.Pnl() }, r => Assert.Equal(alertMode, r.Mode));
        Assert.All(audit.Events, e => Assert.Equal(marker.Trim('[', ']', ' ').ToLowerInvariant(), e.Details!["mode"]));
    }
}
