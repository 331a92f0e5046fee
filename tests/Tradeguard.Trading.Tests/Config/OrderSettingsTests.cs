using Tradeguard.Core.Errors;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Tests.Config;

/// <summary><c>strategy.orders</c> in a run config: the entry and exit orders of a built-in strategy.</summary>
public sealed class OrderSettingsTests
{
    private const string Path = "/configs/run.json";

    private static string Config(string orders, string name = "price-sma-cross", string direction = "long") =>
        "{ \"data\": { \"file\": \"bars.csv\" }, \"strategy\": { \"name\": \"" + name + "\", \"direction\": \"" + direction + "\", \"orders\": { " + orders + " } } }";

    private static void Refused(string orders, string message)
    {
        var error = Assert.Throws<TradeguardException>(() => RunConfigLoader.Parse(Config(orders), Path));
        Assert.Equal((message, ExitCode.Configuration), (error.Message, error.ExitCode));
    }

    [Fact]
    public void NoOrders_IsMarketEntriesAndExits_WithTheUsualName()
    {
        var plan = RunConfigLoader.Parse("{ \"data\": { \"file\": \"bars.csv\" }, \"strategy\": { \"name\": \"price-sma-cross\" } }", Path);
        Assert.Equal(new SignalOrders(), plan.Orders);
        Assert.Equal("price-sma-cross(period=15)", plan.CreateStrategy().Name);
    }

    [Theory]
    [InlineData("{ \"type\": \"market\" }", OrderType.Market, null, null, null, null)]
    [InlineData("{ \"type\": \"close\", \"valid\": { \"bars\": 1 } }", OrderType.Close, null, null, 1, null)]
    [InlineData("{ \"type\": \"limit\", \"offset\": -0.01, \"valid\": { \"days\": 3 } }", OrderType.Limit, "-0.01", null, null, 3)]
    [InlineData("{ \"type\": \"stop\", \"offset\": 0.02 }", OrderType.Stop, "0.02", null, null, null)]
    [InlineData("{ \"type\": \"stop-limit\", \"offset\": 0.01, \"limitOffset\": 0.015, \"valid\": { \"bars\": 5 } }", OrderType.StopLimit, "0.01", "0.015", 5, null)]
    public void EveryBrokerOrderType_CanBeTheEntryAndTheExit(string order, OrderType type, string? offset, string? limitOffset, int? bars, int? days)
    {
        var expected = new SignalOrder(type, offset is null ? null : decimal.Parse(offset), limitOffset is null ? null : decimal.Parse(limitOffset), bars, days);
        var plan = RunConfigLoader.Parse(Config($"\"entry\": {order}, \"exit\": {order}, \"priceDecimals\": 4", "dual-ma-cross", "both"), Path);
        Assert.Equal(new SignalOrders(TradeDirection.Both, expected, expected, 4), plan.Orders);
    }

    [Fact]
    public void OrderTypes_AppearInTheStrategysName() =>
        Assert.Equal("lower-closes(declines=2, hold=5, entry=stop-limit, exit=close)",
            RunConfigLoader.Parse(Config("\"entry\": { \"type\": \"stop-limit\", \"offset\": 0.01, \"limitOffset\": 0.02 }, \"exit\": { \"type\": \"close\" }", "lower-closes"), Path)
                .CreateStrategy().Name);

    [Fact]
    public void SampleConfig_EntersWithALimit1PercentBelowTheClose_Valid3Days()
    {
        var plan = RunConfigLoader.Load(RepoPaths.Samples("sma-cross-limit-entry.json"));
        Assert.Equal(new SignalOrders(Entry: new SignalOrder(OrderType.Limit, -0.01m, ValidDays: 3), Exit: SignalOrder.Market), plan.Orders);
    }

    [Theory]
    [InlineData("\"entry\": { \"offset\": -0.01 }", "strategy.orders.entry.type is missing: use market, close, limit, stop or stop-limit")]
    [InlineData("\"exit\": { \"type\": \"trailing-stop\" }", "strategy.orders.exit.type is not an order type: use market, close, limit, stop or stop-limit")]
    [InlineData("\"entry\": { \"type\": \"market\", \"offset\": -0.01 }", "strategy.orders.entry.offset does not apply to a market order: only limit, stop and stop-limit orders have a price")]
    [InlineData("\"exit\": { \"type\": \"close\", \"offset\": 0.01 }", "strategy.orders.exit.offset does not apply to a close order: only limit, stop and stop-limit orders have a price")]
    [InlineData("\"entry\": { \"type\": \"limit\" }", "strategy.orders.entry.offset is missing: a limit order needs its limit price as a fraction of the signal bar's close (-0.01 = 1 % better than the close)")]
    [InlineData("\"entry\": { \"type\": \"stop-limit\", \"limitOffset\": 0.02 }", "strategy.orders.entry.offset is missing: a stop-limit order needs its stop price as a fraction of the signal bar's close (-0.01 = 1 % better than the close)")]
    [InlineData("\"entry\": { \"type\": \"stop\", \"offset\": 1 }", "strategy.orders.entry.offset must be a fraction above -1 and below 1 (-0.01 = 1 % better than the close) (got 1)")]
    [InlineData("\"entry\": { \"type\": \"limit\", \"offset\": -0.01, \"limitOffset\": -0.02 }", "strategy.orders.entry.limitOffset applies only to a stop-limit order, not to a limit order")]
    [InlineData("\"exit\": { \"type\": \"stop-limit\", \"offset\": 0.01 }", "strategy.orders.exit.limitOffset is missing: a stop-limit order needs its limit price as a fraction of the signal bar's close")]
    [InlineData("\"exit\": { \"type\": \"stop-limit\", \"offset\": 0.01, \"limitOffset\": -1.5 }", "strategy.orders.exit.limitOffset must be a fraction above -1 and below 1 (-0.01 = 1 % better than the close) (got -1.5)")]
    [InlineData("\"entry\": { \"type\": \"market\", \"valid\": { \"bars\": 2 } }", "strategy.orders.entry.valid does not apply to a market order: it fills on the next bar")]
    [InlineData("\"entry\": { \"type\": \"close\", \"valid\": { \"bars\": 2, \"days\": 2 } }", "strategy.orders.entry.valid takes bars or days, not both")]
    [InlineData("\"entry\": { \"type\": \"close\", \"valid\": { } }", "strategy.orders.entry.valid needs bars or days: leave it out for good till cancelled")]
    [InlineData("\"exit\": { \"type\": \"limit\", \"offset\": -0.01, \"valid\": { \"bars\": -3 } }", "strategy.orders.exit.valid.bars must be at least 1 (got -3)")]
    [InlineData("\"exit\": { \"type\": \"limit\", \"offset\": -0.01, \"valid\": { \"days\": 0 } }", "strategy.orders.exit.valid.days must be from 1 to 36500 (got 0)")]
    [InlineData("\"priceDecimals\": 9", "strategy.orders.priceDecimals must be a whole number from 0 to 8 (got 9)")]
    public void BadOrderSettings_AreRefused_NamingTheSetting(string orders, string problem) => Refused(orders, $"{Path}: {problem}");

    [Fact]
    public void UnknownOrderSetting_IsRefused() =>
        Refused("\"entry\": { \"type\": \"limit\", \"offset\": -0.01, \"price\": 20 }",
            $"{Path}: line 1, column 162: unknown setting at strategy.orders.entry.price; see docs/trading.md for the settings a run config takes");
}
