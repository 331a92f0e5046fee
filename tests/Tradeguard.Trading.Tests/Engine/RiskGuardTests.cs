using Tradeguard.Core.Audit;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Risk;

namespace Tradeguard.Trading.Tests.Engine;

public sealed class RiskGuardTests
{
    private static readonly BarSeries FlatBars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9, 10), (10, 11, 9, 10));

    [Fact]
    public void MaxPosition_CountsWorkingBuys_AndRefusesTheOrderWithARiskLimitEvent()
    {
        var options = new EngineOptions { InitialCash = 1000m, Risk = new RiskLimits(MaxPosition: 5) };
        var (result, events, _) = TestBars.Run(FlatBars, options, (c, i) => { if (i == 0) { c.Buy(3); c.Buy(3); } });
        Assert.Equal([OrderStatus.Filled, OrderStatus.Rejected], result.Orders.Select(o => o.Status));
        Assert.Equal("max position: the order would take the position to 6 units, above the limit of 5", result.Orders[1].Reason);
        Assert.Equal(["[paper] Risk limit hit · TEST", "[paper] Buy order rejected · TEST"],
            events.Where(e => e.Kind is TradingEventKind.RiskLimitHit or TradingEventKind.OrderRejected).Select(e => e.AlertLine));
    }

    [Fact]
    public void MaxOrderNotional_RefusesALargeOrder()
    {
        var options = new EngineOptions { InitialCash = 1000m, Risk = new RiskLimits(MaxOrderNotional: 50) };
        var (result, _, _) = TestBars.Run(FlatBars, options, (c, i) => { if (i == 0) c.Buy(6); });
        Assert.Equal("max order notional: the order is worth 60, above the limit of 50", Assert.Single(result.Orders).Reason);
    }

    [Fact]
    public void MaxOrdersPerMinute_CountsOrdersWithinSixtySecondsOfMarketTime()
    {
        var guard = new RiskGuard(new RiskLimits(MaxOrdersPerMinute: 2));
        var t = new DateTime(2024, 1, 2, 10, 0, 0);
        Assert.Null(guard.Check(OrderSide.Buy, 1, 10, 1, t));
        Assert.Null(guard.Check(OrderSide.Buy, 1, 10, 2, t.AddSeconds(30)));
        Assert.Equal("max orders per minute: 2 orders in the last minute, the limit is 2", guard.Check(OrderSide.Buy, 1, 10, 3, t.AddSeconds(59)));
        Assert.Null(guard.Check(OrderSide.Sell, 1, 10, 2, t.AddSeconds(60)));
    }

    [Fact]
    public void MaxDailyLoss_EngagesTheKillSwitch_RefusesBuys_ButLetsTheStrategyGetOut()
    {
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9, 10), (10, 10, 7, 7), (7, 8, 6, 7), (7, 8, 6, 7));
        var audit = new RecordingAuditLog();
        var options = new EngineOptions { InitialCash = 1000m, Risk = new RiskLimits(MaxDailyLoss: 25) };
        var events = new List<TradingEvent>();
        var strategy = new ScriptedStrategy((c, i) =>
        {
            if (i == 0) c.Buy(10);
            if (i == 2) c.Buy(1);
            if (i == 3) c.ClosePosition();
        });
        var result = new TradingEngine(strategy, options, [new DelegateEventSink(events.Add)], audit).Run(bars);

        Assert.True(result.KillSwitchEngaged);
        var kill = Assert.Single(events, e => e.Kind == TradingEventKind.RiskLimitHit && e.Side is null);
        Assert.Equal((new DateTime(2024, 1, 3), "[paper] Risk limit hit · TEST"), (kill.Time, kill.AlertLine));
        Assert.Equal("max daily loss: equity fell 30 since the day opened at 1000, the limit is 25; kill switch engaged", kill.Details.Reason);
        Assert.Equal("kill switch engaged: the daily loss limit was hit; only orders that reduce the position are accepted", result.Orders[1].Reason);
        Assert.Equal((OrderStatus.Filled, 0m), (result.Orders[2].Status, result.FinalPosition));
        Assert.Contains(audit.Events, a => a.Action == "engine.kill_switch" && a.Target == "TEST");
    }
}
