using Tradeguard.Exchange.Runner;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Exchange.Tests;

/// <summary>A strategy plugin runs unchanged on the exchange: the run config that backtests it trades it on the sandbox.</summary>
public sealed class SandboxPluginRunTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task SmaCrossPlugin_AgainstTheSandbox_FillsExactlyAsTheBuiltInBacktest()
    {
        PluginCompiler.Compile(temp.Combine("plugins/SmaCross.dll"), [PluginSources.SmaCross]);
        var json = File.ReadAllText(RepoPaths.Samples("sma-cross-orcl.json"))
            .Replace("\"data/orcl-1995-2014.txt\"", $"\"{RepoPaths.Samples("data/orcl-1995-2014.txt")}\"", StringComparison.Ordinal)
            .Replace("\"name\": \"price-sma-cross\",", "\"assembly\": \"plugins/SmaCross.dll\", \"type\": \"Plugins.SmaCross\",", StringComparison.Ordinal);
        var path = temp.Combine("run.json");
        File.WriteAllText(path, json);
        var plan = RunConfigLoader.Load(path);
        await using var sandbox = await SandboxHarness.StartAsync(plan: plan);
        var builtIn = RunConfigLoader.Load(RepoPaths.Samples("sma-cross-orcl.json"));
        var backtest = new TradingEngine(builtIn.CreateStrategy(), builtIn.Engine).Run(sandbox.Bars);
        var runner = new ExchangeStrategyRunner(sandbox.Client, plan.CreateStrategy(),
            new ExchangeRunOptions { Symbol = "ORCL", Engine = plan.Engine, StartTime = 0 }, logger: sandbox.Log);

        await runner.StartAsync();
        var polls = 0;
        while (sandbox.Market.Advance() && polls++ < 1000)
        {
            Assert.Equal(1, await runner.PollOnceAsync());
        }

        Assert.Equal(252, runner.BarsSeen);
        Assert.Equal(backtest.Orders.Where(o => o.FillPrice is not null).Select(o => (o.Side, o.Quantity, o.FillPrice, o.PlacedAt)),
            runner.Orders.Where(o => o.FillPrice is not null).Select(o => (o.Side, o.Quantity, o.FillPrice, o.PlacedAt)));
        Assert.Equal((backtest.FinalPosition, backtest.FinalCash), (runner.Position, runner.Cash));
        Assert.Equal(975.60m, Math.Round(backtest.FinalValue, 2)); // backtrader quickstart's published final value
    }
}
