using Tradeguard.TestSupport;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Tests.Config;

/// <summary>A strategy from its own assembly, named in the run config (<c>strategy.assembly</c>, <c>strategy.type</c>).</summary>
public sealed class StrategyPluginTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>The ORCL 2000 sample config with its strategy section replaced and its data file named by full path.</summary>
    private string Config(string strategy)
    {
        var json = File.ReadAllText(RepoPaths.Samples("sma-cross-orcl.json"))
            .Replace("\"data/orcl-1995-2014.txt\"", $"\"{RepoPaths.Samples("data/orcl-1995-2014.txt")}\"", StringComparison.Ordinal);
        const string builtIn = "\"name\": \"price-sma-cross\",";
        Assert.Contains(builtIn, json, StringComparison.Ordinal);
        var path = temp.Combine("run.json");
        File.WriteAllText(path, json.Replace(builtIn, strategy, StringComparison.Ordinal));
        return path;
    }

    private string SmaCrossPlugin() => PluginCompiler.Compile(temp.Combine("plugins/SmaCross.dll"), [PluginSources.SmaCross]);

    private ProcessResult Run(string config) =>
        TradeguardCli.Run(["run", config, "--quiet", "--output", temp.Combine("out")],
            env: new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = temp.Combine("home") }, workingDirectory: temp.Path,
            timeout: TimeSpan.FromSeconds(60));

    /// <summary>
    /// True when the CLI under test can load plugins; false, after checking its refusal, for a Native AOT build
    /// (<see cref="TradeguardCli.IsNativeAot"/>), which has no JIT and says so with exit 5 and the installs that can.
    /// </summary>
    private static bool CanLoadPlugins(ProcessResult result)
    {
        if (!TradeguardCli.IsNativeAot)
        {
            return true;
        }

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("strategy.assembly cannot be loaded by this tradeguard, a Native AOT build", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install --global tradeguard", result.Stderr, StringComparison.Ordinal);
        return false;
    }

    [Fact]
    public void PriceSmaCrossAsAPlugin_TradesExactlyAsTheBuiltIn_EndingAt975_60()
    {
        SmaCrossPlugin();
        var plugin = RunConfigLoader.Load(Config("\"assembly\": \"plugins/SmaCross.dll\", \"type\": \"Plugins.SmaCross\","));
        var builtIn = RunConfigLoader.Load(RepoPaths.Samples("sma-cross-orcl.json"));

        var pluginRun = new TradingEngine(plugin.CreateStrategy(), plugin.Engine).Run(plugin.LoadBars());
        var builtInRun = new TradingEngine(builtIn.CreateStrategy(), builtIn.Engine).Run(builtIn.LoadBars());

        Assert.Equal(("Plugins.SmaCross", true, "sma-cross-plugin(period=15)"), (plugin.Strategy.Name, plugin.Strategy.IsPlugin, plugin.CreateStrategy().Name));
        Assert.Equal(975.60m, Math.Round(pluginRun.FinalValue, 2)); // backtrader quickstart's published final value
        Assert.Equal(builtInRun.Orders.Select(o => (o.Side, o.Status, o.PlacedAt, o.Quantity, o.FillPrice)),
            pluginRun.Orders.Select(o => (o.Side, o.Status, o.PlacedAt, o.Quantity, o.FillPrice)));
    }

    [Fact]
    public void SamplePlugin_BuildsAgainstTheLibrary_AndRunsThroughTradeguardRun()
    {
        var dll = PluginCompiler.Compile(temp.Combine("sample/StrategyPlugin.dll"), [File.ReadAllText(RepoPaths.Samples("strategy-plugin", "DonchianBreakout.cs"))]);
        var config = File.ReadAllText(RepoPaths.Samples("strategy-plugin", "donchian.json"))
            .Replace("../data/orcl-1995-2014.txt", RepoPaths.Samples("data/orcl-1995-2014.txt"), StringComparison.Ordinal)
            .Replace("bin/Release/net10.0/StrategyPlugin.dll", dll, StringComparison.Ordinal);
        var path = temp.Combine("donchian.json");
        File.WriteAllText(path, config);

        var result = Run(path);
        if (!CanLoadPlugins(result))
        {
            return;
        }

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("donchian-breakout(entry=20, exit=10)", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"assembly\": \"plugins/Missing.dll\", \"type\": \"Plugins.SmaCross\",", 5, "strategy.assembly names no file: ")]
    [InlineData("\"assembly\": \"plugins/SmaCross.dll\", \"type\": \"Plugins.Nope\",", 5, "strategy.type names no public type in ")]
    [InlineData("\"assembly\": \"plugins/SmaCross.dll\", \"type\": \"Plugins.NotAStrategy\",", 5, "strategy.type Plugins.NotAStrategy is not a strategy: it must be a non-abstract class deriving from Tradeguard.Trading.Strategies.Strategy; its strategies are: Plugins.NoContractConstructor, Plugins.SmaCross")]
    [InlineData("\"assembly\": \"plugins/SmaCross.dll\", \"type\": \"Plugins.NoContractConstructor\",", 5, "strategy.type Plugins.NoContractConstructor has no public constructor (IReadOnlyDictionary<string, double> parameters, SignalOrders orders)")]
    [InlineData("\"assembly\": \"plugins/SmaCross.dll\", \"name\": \"price-sma-cross\", \"type\": \"Plugins.SmaCross\",", 5, "strategy.name cannot be given with strategy.assembly or strategy.type")]
    [InlineData("\"type\": \"Plugins.SmaCross\",", 5, "strategy.assembly is missing")]
    [InlineData("\"assembly\": \"plugins/not-dotnet.dll\", \"type\": \"Plugins.SmaCross\",", 4, "not-dotnet.dll is not a .NET assembly")]
    [InlineData("\"assembly\": \"plugins/Old.dll\", \"type\": \"Plugins.Old\",", 5, "Old.dll was built against Tradeguard.Trading 99.0.0.0; this tradeguard has ")]
    public void BrokenPlugin_IsAClearErrorWithItsExitCode(string strategy, int exitCode, string message)
    {
        SmaCrossPlugin();
        File.WriteAllText(temp.Combine("plugins/not-dotnet.dll"), "#!/bin/sh\necho not a dll\n");
        var other = PluginCompiler.Compile(temp.Combine("other/Tradeguard.Trading.dll"), [PluginSources.OtherTrading], new Version(99, 0, 0, 0), without: ["Tradeguard.Trading"]);
        PluginCompiler.Compile(temp.Combine("plugins/Old.dll"), [PluginSources.AgainstOtherTrading], without: ["Tradeguard.Trading"], extraReferences: [other]);

        var result = Run(Config(strategy));
        if (!result.Stderr.Contains(message, StringComparison.Ordinal) && !CanLoadPlugins(result))
        {
            return; // checked before loading (a missing file, a missing setting) or refused by a Native AOT build
        }

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginConstructorThatThrows_IsAConfigErrorQuotingItsReason()
    {
        SmaCrossPlugin();
        var config = Config("\"assembly\": \"plugins/SmaCross.dll\", \"type\": \"Plugins.SmaCross\",");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"period\": 15", "\"period\": 0", StringComparison.Ordinal));

        var result = Run(config);
        if (!CanLoadPlugins(result))
        {
            return;
        }

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("strategy.parameters were refused by Plugins.SmaCross: period must be at least 1", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginThatThrowsWhileTrading_StopsTheRunWithExit5_NamingTheBar_NeverExit70()
    {
        const string Crashing = """
            using Tradeguard.Trading.Data;
            using Tradeguard.Trading.Strategies;

            namespace Plugins;

            public sealed class Crashing : Strategy
            {
                public Crashing(IReadOnlyDictionary<string, double> parameters, SignalOrders orders) { }

                public override string Name => "crashing";

                public override void OnBar(StrategyContext context, in Bar bar)
                {
                    if (bar.Time.Month == 3) throw new InvalidOperationException("division by zero in my indicator\nsecond line");
                }
            }
            """;
        PluginCompiler.Compile(temp.Combine("plugins/Crashing.dll"), [Crashing]);
        var config = Config("\"assembly\": \"plugins/Crashing.dll\", \"type\": \"Plugins.Crashing\",");

        var result = Run(config);
        if (!CanLoadPlugins(result))
        {
            return;
        }

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("strategy plugin Plugins.Crashing (", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("failed on the bar of 2000-03-01 00:00: division by zero in my indicator; the run stopped there",
            result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("second line", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
