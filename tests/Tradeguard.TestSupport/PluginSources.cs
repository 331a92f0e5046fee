namespace Tradeguard.TestSupport;

/// <summary>Strategy plugins' C# source for the plugin tests: one that repeats a built-in, and ones that break the contract.</summary>
public static class PluginSources
{
    /// <summary>price-sma-cross written as a plugin, from the docs' contract alone: must trade exactly as the built-in.</summary>
    public const string SmaCross = """
        using Tradeguard.Trading.Data;
        using Tradeguard.Trading.Indicators.Sma;
        using Tradeguard.Trading.Strategies;

        namespace Plugins;

        public sealed class SmaCross : Strategy
        {
            private readonly Sma sma;
            private readonly SignalOrders orders;

            public SmaCross(IReadOnlyDictionary<string, double> parameters, SignalOrders orders)
            {
                var period = parameters["period"];
                if (period < 1) throw new ArgumentOutOfRangeException(nameof(parameters), "period must be at least 1");
                sma = new Sma((int)period);
                this.orders = orders;
            }

            public override string Name => $"sma-cross-plugin(period={sma.Period})";

            public override void OnBar(StrategyContext context, in Bar bar)
            {
                var close = (double)bar.Close;
                var average = sma.Add(close);
                if (!sma.IsReady || context.HasWorkingOrders) return;
                orders.Act(context, bar, close > average ? 1 : close < average ? -1 : 0);
            }
        }

        public sealed class NotAStrategy { }

        public sealed class NoContractConstructor : Strategy
        {
            public NoContractConstructor() { }
            public override string Name => "none";
            public override void OnBar(StrategyContext context, in Bar bar) { }
        }
        """;

    /// <summary>A stand-in Tradeguard.Trading of another version, for a plugin built against it.</summary>
    public const string OtherTrading = """
        namespace Tradeguard.Trading.Strategies;
        public abstract class Strategy { }
        """;

    /// <summary>A plugin built against <see cref="OtherTrading"/>.</summary>
    public const string AgainstOtherTrading = """
        namespace Plugins;
        public sealed class Old : Tradeguard.Trading.Strategies.Strategy { }
        """;
}
