using Tradeguard.Core.Errors;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Tests.Config;

/// <summary><c>strategy.direction</c> and <c>broker.futures</c> in a run config.</summary>
public sealed class ShortsAndFuturesConfigTests
{
    private const string Path = "/configs/run.json";

    private static string Config(string strategy = "\"name\": \"price-sma-cross\"", string broker = "") =>
        "{ \"data\": { \"file\": \"bars.csv\" }, \"strategy\": { " + strategy + " }" + (broker.Length > 0 ? ", \"broker\": { " + broker + " }" : "") + " }";

    private static void Refused(string json, string message)
    {
        var error = Assert.Throws<TradeguardException>(() => RunConfigLoader.Parse(json, Path));
        Assert.Equal((message, ExitCode.Configuration), (error.Message, error.ExitCode));
    }

    [Fact]
    public void NoDirection_IsLongOnly_WithTheStrategysUsualName()
    {
        var plan = RunConfigLoader.Parse(Config(), Path);
        Assert.Equal((TradeDirection.Long, false, ContractTerms.Stock), (plan.Direction, plan.Engine.ShortSelling, plan.Engine.Contract));
        Assert.Equal("price-sma-cross(period=15)", plan.CreateStrategy().Name);
    }

    [Theory]
    [InlineData("short", TradeDirection.Short, "dual-ma-cross(fast=10, slow=30, sma, short)")]
    [InlineData("both", TradeDirection.Both, "dual-ma-cross(fast=10, slow=30, sma, long+short)")]
    public void Direction_EnablesShortSelling_AndNamesTheStrategy(string direction, TradeDirection expected, string name)
    {
        var plan = RunConfigLoader.Parse(Config($"\"name\": \"dual-ma-cross\", \"direction\": \"{direction}\""), Path);
        Assert.Equal((expected, true, name), (plan.Direction, plan.Engine.ShortSelling, plan.CreateStrategy().Name));
    }

    [Fact]
    public void UnknownDirection_IsRefused() =>
        Refused(Config("\"name\": \"price-sma-cross\", \"direction\": \"sideways\""), $"{Path}: strategy.direction is not a direction: use long, short or both");

    [Fact]
    public void Direction_OnALongOnlyStrategy_IsRefused() =>
        Refused(Config("\"name\": \"lower-closes\", \"direction\": \"both\""), $"{Path}: strategy.direction must be long: lower-closes trades long only");

    [Fact]
    public void ShortTakeProfitOf100PercentOrMore_IsRefused() =>
        Refused(Config("\"name\": \"price-sma-cross\", \"direction\": \"short\"", "\"exits\": { \"takeProfit\": 1 }"),
            $"{Path}: broker.exits.takeProfit must be below 1 when the strategy sells short: a short's take-profit is fill × (1 − takeProfit) (got 1)");

    [Fact]
    public void Futures_BacktradersSetCommission2Mult10Margin1000()
    {
        var plan = RunConfigLoader.Parse(Config(broker: "\"commission\": { \"model\": \"per-unit\", \"value\": 2.0 }, \"futures\": { \"multiplier\": 10, \"margin\": 1000 }"), Path);
        Assert.Equal((new ContractTerms(10m, 1000m), new CommissionModel.PerUnit(2.0m)), (plan.Engine.Contract, plan.Engine.Commission));
    }

    [Fact]
    public void FuturesSample_ReproducesBacktradersFuturesTest()
    {
        // samples/sma-cross-futures-2006.json: 12795.00 is asserted by backtrader's tests/test_strategy_unoptimized.py.
        var plan = RunConfigLoader.Load(RepoPaths.Samples("sma-cross-futures-2006.json"));
        var result = new TradingEngine(plan.CreateStrategy(), plan.Engine).Run(plan.LoadBars());
        Assert.Equal((12795.00m, 11795.00m), (result.FinalValue, result.FinalCash));
    }

    [Theory]
    [InlineData("\"multiplier\": 10", "broker.futures.margin is missing: give the cash reserved per contract")]
    [InlineData("\"margin\": 0", "broker.futures.margin must be above 0 and at most 1000000000000 (got 0)")]
    [InlineData("\"margin\": 1000, \"multiplier\": -1", "broker.futures.multiplier must be above 0 and at most 1000000 (got -1)")]
    public void BadFutures_AreRefusedByName(string futures, string problem) =>
        Refused(Config(broker: "\"futures\": { " + futures + " }"), $"{Path}: {problem}");
}
