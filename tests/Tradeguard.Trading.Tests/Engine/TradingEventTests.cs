using System.Text.RegularExpressions;
using Tradeguard.Core.Audit;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Events;

namespace Tradeguard.Trading.Tests.Engine;

public sealed class TradingEventTests
{
    [Fact]
    public void AlertLine_CarriesThePaperMarker_AndNoDetails()
    {
        var e = new TradingEvent(TradingEventKind.OrderFilled, "ORCL", OrderSide.Buy, TradingMode.Paper, new DateTime(2000, 1, 6),
            new TradingEventDetails(OrderId: 7, Quantity: 10, Price: 22.27m, Cash: 777.3m));
        Assert.Equal("[paper] Buy order executed · ORCL", e.AlertLine);
        Assert.Equal("[paper] Buy order executed · ORCL", e.ToString());
        Assert.Equal("[details withheld]", e.Details.ToString());
        Assert.Equal("order=7 quantity=10 price=22.27 cash=777.3", e.Details.Describe());
    }

    [Fact]
    public void EveryEventOfARealRun_IsHighLevelOnly()
    {
        var events = new List<TradingEvent>();
        var plan = Tradeguard.Trading.Config.RunConfigLoader.Load(Tradeguard.TestSupport.RepoPaths.Samples("sma-cross-orcl.json"));
        Tradeguard.Trading.Runs.Backtest.Run(plan, plan.LoadBars(), [new DelegateEventSink(events.Add)]);

        Assert.Equal(TradingEventKind.RunStarted, events[0].Kind);
        Assert.Equal(TradingEventKind.RunFinished, events[^1].Kind);
        Assert.All(events, e => Assert.Matches(new Regex("^\\[paper\\] [A-Z][a-z -]+ · ORCL$"), e.AlertLine));
        Assert.Equal(43, events.Count(e => e.Kind == TradingEventKind.OrderFilled)); // 21 round trips and the last, open, buy
    }

    [Fact]
    public void Audit_RecordsRunStartStopAndOrders()
    {
        var recorder = new RecordingAuditLog();
        var bars = TestBars.Daily((10, 11, 9, 10), (10, 11, 9, 10), (10, 11, 9, 10));
        var strategy = new ScriptedStrategy((c, i) => { if (i == 0) c.Buy(1); if (i == 1) c.Buy(1000); });
        new TradingEngine(strategy, new EngineOptions { InitialCash = 100m }, audit: recorder).Run(bars);
        var audit = recorder.Events;

        Assert.Equal(["engine.run_start", "engine.order_submitted", "engine.order_filled", "engine.order_rejected", "engine.run_stop"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(("engine", "TEST", "paper"), (a.Actor, a.Target, a.Details!["mode"])));
        Assert.Equal(AuditOutcome.Denied, audit[3].Outcome);
    }
}
