using Tradeguard.Exchange.Runner;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.Tests;

/// <summary>A strategy run through the REST client against the sandbox gives exactly the backtest's fills.</summary>
public sealed class SandboxRunTests
{
    [Fact]
    public async Task PriceSmaOnOrcl2000_AgainstTheSandbox_FillsExactlyAsTheBacktest()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var backtest = new TradingEngine(sandbox.Plan.CreateStrategy(), sandbox.Plan.Engine).Run(sandbox.Bars);
        var events = new List<TradingEvent>();
        var runner = new ExchangeStrategyRunner(sandbox.Client, sandbox.Plan.CreateStrategy(),
            new ExchangeRunOptions { Symbol = "ORCL", Engine = sandbox.Plan.Engine, StartTime = 0 },
            [new DelegateEventSink(events.Add)], logger: sandbox.Log);

        await runner.StartAsync();
        var polls = 0;
        while (sandbox.Market.Advance() && polls++ < 1000)
        {
            Assert.Equal(1, await runner.PollOnceAsync());
        }

        var expected = Fills(backtest.Orders);
        Assert.Equal(252, runner.BarsSeen);
        Assert.True(expected.Count >= 20, $"the backtest should trade (it made {expected.Count} fills)");
        Assert.Equal(expected, Fills(runner.Orders));
        Assert.Equal(backtest.Orders.Select(o => (o.Side, o.Status, o.PlacedAt, o.Quantity)), runner.Orders.Select(o => (o.Side, o.Status, o.PlacedAt, o.Quantity)));
        var trades = await sandbox.Client.GetMyTradesAsync("ORCL");
        Assert.Equal(expected.Select(f => (f.Side, f.Quantity, f.Price)), trades.Select(t => (t.IsBuyer ? OrderSide.Buy : OrderSide.Sell, t.Qty, t.Price)));
        Assert.Equal(backtest.FinalPosition, runner.Position);
        Assert.Equal(backtest.FinalCash, runner.Cash);
        Assert.All(events, e => Assert.Equal(TradingMode.Paper, e.Mode));
        Assert.Equal(expected.Count, events.Count(e => e.Kind == TradingEventKind.OrderFilled));
        sandbox.AssertLogsHoldNoSecret();
    }

    [Fact]
    public async Task CancellingTheRun_StopsBetweenCandlesAndSendsNothingMore()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        for (var i = 0; i < 30; i++)
        {
            sandbox.Market.Advance();
        }

        var runner = new ExchangeStrategyRunner(sandbox.Client, sandbox.Plan.CreateStrategy(),
            new ExchangeRunOptions { Symbol = "ORCL", Engine = sandbox.Plan.Engine, StartTime = 0, PollInterval = TimeSpan.FromMilliseconds(20) });
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (runner.BarsSeen < 30 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        var sentAtStop = runner.Orders.Count;
        sandbox.Market.Advance();
        await Task.Delay(200);

        Assert.Equal(30, runner.BarsSeen);
        Assert.True(run.IsCompletedSuccessfully);
        Assert.Equal(sentAtStop, runner.Orders.Count);
    }

    [Fact]
    public async Task CatchingUpOnSeveralCandles_OnlyTheLatestMayTrade_AndTheOthersAreLoggedOnce()
    {
        var events = new List<TradingEvent>();
        await using var sandbox = await SandboxHarness.StartAsync();
        for (var i = 0; i < 60; i++)
        {
            sandbox.Market.Advance();
        }

        var runner = new ExchangeStrategyRunner(sandbox.Client, sandbox.Plan.CreateStrategy(),
            new ExchangeRunOptions { Symbol = "ORCL", Engine = sandbox.Plan.Engine, StartTime = 0 }, [new DelegateEventSink(events.Add)], logger: sandbox.Log);

        Assert.Equal(60, await runner.PollOnceAsync());

        Assert.DoesNotContain(runner.Orders, o => o.PlacedAt < sandbox.Bars.Bars[59].Time);
        Assert.DoesNotContain(events, e => e.Kind == TradingEventKind.OrderRejected);
        Assert.DoesNotContain(sandbox.Market.OpenOrders(), o => o.PlacedAtBar < 59);
        var line = Assert.Single(sandbox.Log.Lines, l => l.Contains("Caught up on 60 candles at once:", StringComparison.Ordinal));
        Assert.Matches(@"Caught up on 60 candles at once: [1-9]\d* strategy order\(s\) on the older ones were not sent, because the market has moved on since they closed", line);
    }

    private static List<(OrderSide Side, decimal Quantity, decimal Price, DateTime Time)> Fills(IEnumerable<Order> orders) =>
        orders.Where(o => o.Status == OrderStatus.Filled).Select(o => (o.Side, o.Quantity, o.FillPrice!.Value, o.FilledAt!.Value)).ToList();
}
