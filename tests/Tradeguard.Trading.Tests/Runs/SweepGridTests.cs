using Tradeguard.Core.Errors;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Reports;
using Tradeguard.Trading.Risk;
using Tradeguard.Trading.Runs;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Tests.Runs;

/// <summary>A sweep over a grid of several parameters: dual-ma-cross on ORCL 2000, fast 5..30:5 × slow 10..40:10.</summary>
public sealed class SweepGridTests : IDisposable
{
    private const string SlowAboveFast = "the slow period must be above the fast period";

    /// <summary>
    /// The 15 accepted combinations, best first, with the final value backtrader's optstrategy gives each
    /// (Vectors/Backtrader/generate_sweep.py: backtrader b853d7c9, the quickstart's feed and broker, no risk limits).
    /// </summary>
    private static readonly (double Fast, double Slow, decimal Final)[] BacktraderRanked =
    [
        (10, 20, 1016.60m), (15, 40, 981.50m), (15, 20, 973.20m), (25, 30, 970.80m), (10, 40, 967.80m),
        (20, 30, 955.80m), (5, 20, 943.00m), (5, 40, 941.20m), (20, 40, 938.90m), (15, 30, 929.70m),
        (10, 30, 913.70m), (25, 40, 888.30m), (30, 40, 879.30m), (5, 30, 852.30m), (5, 10, 778.30m),
    ];

    private static readonly RunPlan Plan = DualMaCrossOrcl2000();

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static RunPlan DualMaCrossOrcl2000()
    {
        var quickstart = RunConfigLoader.Load(RepoPaths.Samples("sma-cross-orcl.json"));
        var strategy = StrategyCatalog.Find("dual-ma-cross")!;
        return quickstart with
        {
            Strategy = strategy,
            Parameters = strategy.Parameters.ToDictionary(p => p.Name, p => p.Default),
            Engine = quickstart.Engine with { Risk = RiskLimits.None },
        };
    }

    private static SweepVariants Variants() => SweepVariants.Of(Plan, SweepGrid.Parse(["fast=5..30:5", "slow=10..40:10"]));

    [Fact]
    public void Grid_IsTheProductInOptionOrder_SkippingWhereSlowIsNotAboveFast()
    {
        var variants = Variants();

        // 6 × 4 = 24 combinations; slow ≤ fast for slow 10 (fast 10..30: 5), slow 20 (20..30: 3), slow 30 (30: 1) = 9.
        Assert.Equal(24, variants.Grid.Count);
        Assert.Equal([new SkippedCombinations(SlowAboveFast, 9)], variants.Skipped);
        Assert.Equal(15, variants.Runnable.Count);
        Assert.Equal([5, 10], variants.Runnable[0]);
        Assert.Equal([5, 20], variants.Runnable[1]);
        Assert.Equal([10, 20], variants.Runnable[4]);
        Assert.Equal([30, 40], variants.Runnable[^1]);
    }

    [Fact]
    public void Ranking_AndEveryFinalValue_MatchBacktradersOptstrategy()
    {
        var rows = ParameterSweep.Run(Plan, Plan.LoadBars(), Variants());

        Assert.Equal(BacktraderRanked, rows.Select(r => (r.Values[0], r.Values[1], Math.Round(r.Report.Metrics.FinalValue, 2))));
    }

    [Theory]
    [InlineData(10, 20)]
    [InlineData(25, 30)]
    [InlineData(5, 10)]
    public void AVariant_IsThePlainRunWithItsParameters(double fast, double slow)
    {
        var bars = Plan.LoadBars();
        var row = ParameterSweep.Run(Plan, bars, Variants()).Single(r => r.Values[0] == fast && r.Values[1] == slow);
        var plain = Backtest.Run(Plan with { Parameters = new Dictionary<string, double> { ["fast"] = fast, ["slow"] = slow, ["exponential"] = 0 } }, bars);

        Assert.Equal(plain.Metrics.FinalValue, row.Report.Metrics.FinalValue);
        Assert.Equal(plain.Metrics.Sharpe, row.Report.Metrics.Sharpe);
        Assert.Equal(plain.Result.Trades.Count, row.Report.Result.Trades.Count);
    }

    [Fact]
    public void OneWorkerAndManyWorkers_WriteTheSameSweepFile()
    {
        var bars = Plan.LoadBars();
        var variants = Variants();
        var one = File.ReadAllText(SweepFile.Write(temp.Combine("one"), variants.Grid, ParameterSweep.Run(Plan, bars, variants, maxParallelism: 1)));
        var many = File.ReadAllText(SweepFile.Write(temp.Combine("many"), variants.Grid, ParameterSweep.Run(Plan, bars, variants, maxParallelism: Math.Max(4, Environment.ProcessorCount))));

        Assert.Equal(one, many);
        var lines = one.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,fast,slow,final_value,total_return,cagr,sharpe,max_drawdown,trades,win_rate,exposure,fees,sqn", lines[0]);
        Assert.StartsWith("1,10,20,1016.60,", lines[1]);
        Assert.StartsWith("15,5,10,778.30,", lines[^1]);
    }

    [Fact]
    public void Ties_KeepTheGridOrder()
    {
        // Periods that never cross on 2000's 252 bars (both averages need more bars): every variant ends flat at the cash.
        var rows = ParameterSweep.Run(Plan, Plan.LoadBars(), SweepVariants.Of(Plan, SweepGrid.Parse(["fast=300,260", "slow=400,500"])), maxParallelism: 2);

        Assert.Equal([[300, 400], [300, 500], [260, 400], [260, 500]], rows.Select(r => r.Values.ToArray()));
        Assert.All(rows, r => Assert.Equal(1000m, r.Report.Metrics.FinalValue));
    }

    [Fact]
    public void AParameterGivenTwice_IsAUsageErrorNamingIt() =>
        Refused(() => SweepGrid.Parse(["fast=5..10", "slow=20,30", "fast=7"]), "--sweep: fast is given 2 times; sweep each parameter once");

    [Fact]
    public void AGridAboveTheCap_IsAUsageError() =>
        Refused(() => SweepGrid.Parse(["fast=1..400", "slow=2..501"]),
            "--sweep: 400 × 500 = 200,000 combinations; a sweep covers at most 100,000: narrow a range or take a larger step");

    [Fact]
    public void AnUnknownParameter_IsAUsageErrorNamingIt() =>
        Refused(() => SweepVariants.Of(Plan, SweepGrid.Parse(["fast=5..10", "period=10..30"])),
            "--sweep period: is not a parameter of dual-ma-cross; it takes: fast, slow, exponential");

    [Fact]
    public void AValueOutsideTheParametersRange_IsAUsageError() =>
        Refused(() => SweepVariants.Of(Plan, SweepGrid.Parse(["fast=0..10"])), "--sweep fast: must be a whole number from 1 to 10000 (got 0)");

    [Fact]
    public void AGridTheStrategyRefusesWhole_IsAUsageError() =>
        Refused(() => SweepVariants.Of(Plan, SweepGrid.Parse(["fast=30..40", "slow=10,20"])),
            $"--sweep: dual-ma-cross accepts none of the 22 combinations ({SlowAboveFast}): change the ranges");

    private static void Refused(Func<object> act, string message)
    {
        var error = Assert.Throws<TradeguardException>(act);
        Assert.Equal((ExitCode.Usage, message), (error.ExitCode, error.Message));
    }
}
