using Tradeguard.Core.Audit;
using Tradeguard.Exchange.Runner;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Exchange.State;
using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.Tests.Support;

/// <summary>A runner looping on its own task against the sandbox, and lock-step helpers: advance one bar, wait until the runner has seen it.</summary>
public sealed class RunnerDriver : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();

    private RunnerDriver(SandboxHarness sandbox, ExchangeStrategyRunner runner, List<TradingEvent> events)
    {
        Events = events;
        Sandbox = sandbox;
        Runner = runner;
        Run = runner.RunAsync(stop.Token);
    }

    public SandboxHarness Sandbox { get; }

    public ExchangeStrategyRunner Runner { get; }

    public Task Run { get; }

    public List<TradingEvent> Events { get; }

    public static async Task<RunnerDriver> StartAsync(SandboxHarness sandbox, TradingMode mode = TradingMode.Paper, RunStateFile? state = null,
        IAuditLog? audit = null)
    {
        var events = new List<TradingEvent>();
        var runner = new ExchangeStrategyRunner(sandbox.Client, sandbox.Plan.CreateStrategy(),
            new ExchangeRunOptions { Symbol = "ORCL", Engine = sandbox.Plan.Engine, StartTime = 0, Mode = mode, PollInterval = TimeSpan.FromMilliseconds(10) },
            [new DelegateEventSink(e => { lock (events) { events.Add(e); } })], audit, sandbox.Log, state);
        await runner.StartAsync();
        return new RunnerDriver(sandbox, runner, events);
    }

    /// <summary>Orders the sandbox has received (its ids run from 1 without gaps).</summary>
    public static int ExchangeOrderCount(ReplayMarket market)
    {
        var count = 0;
        while (market.Find(count + 1) is not null)
        {
            count++;
        }

        return count;
    }

    /// <summary>Advances the market one bar and waits until the runner has processed it (and every bar before it).</summary>
    public async Task StepAsync()
    {
        var market = Sandbox.Market;
        Assert.True(market.Advance(), "the sandbox ran out of bars");
        var latest = DateTimeOffset.FromUnixTimeMilliseconds(market.BarTime(market.CurrentIndex)).UtcDateTime;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Runner.Snapshot.LastBarTime != latest)
        {
            Assert.True(DateTime.UtcNow < deadline, "the runner did not process the bar in 10 s");
            Assert.False(Run.IsFaulted, Run.Exception?.ToString());
            await Task.Delay(5);
        }
    }

    /// <summary>Steps until <paramref name="done"/> holds, at most <paramref name="maxBars"/> bars.</summary>
    public async Task StepUntilAsync(Func<bool> done, int maxBars = 200)
    {
        for (var i = 0; i < maxBars && !done(); i++)
        {
            await StepAsync();
        }

        Assert.True(done(), $"not reached within {maxBars} bars");
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await StopAsync();
        }

        stop.Dispose();
    }
}
