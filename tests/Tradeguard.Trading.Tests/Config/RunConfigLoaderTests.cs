using Tradeguard.Core.Errors;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Runs;

namespace Tradeguard.Trading.Tests.Config;

public sealed class RunConfigLoaderTests
{
    private const string Path = "/configs/run.json";

    private static string Minimal(string extra = "") =>
        "{ \"data\": { \"file\": \"bars.csv\" }, \"strategy\": { \"name\": \"price-sma-cross\" }" + extra + " }";

    private static void Refused(string json, string message)
    {
        var error = Assert.Throws<TradeguardException>(() => RunConfigLoader.Parse(json, Path));
        Assert.Equal(message, error.Message);
        Assert.Equal(ExitCode.Configuration, error.ExitCode);
    }

    [Fact]
    public void MinimalConfig_GetsTheBuiltInDefaults()
    {
        var plan = RunConfigLoader.Parse(Minimal(), Path);
        Assert.Equal(("run", "/configs/bars.csv", 15.0), (plan.Name, plan.DataFile, plan.Parameters["period"]));
        Assert.Equal((10_000m, new Sizer.Fixed(1), CommissionModel.None), (plan.Engine.InitialCash, plan.Engine.Sizer, plan.Engine.Commission));
        Assert.True(plan.Data.UseAdjustedClose);
    }

    [Fact]
    public void SampleConfig_IsValid()
    {
        var plan = RunConfigLoader.Load(RepoPaths.Samples("sma-cross-orcl.json"));
        Assert.Equal(("sma-cross-orcl", "price-sma-cross", 1000m, new Sizer.Fixed(10)), (plan.Name, plan.Strategy.Name, plan.Engine.InitialCash, plan.Engine.Sizer));
    }

    [Fact]
    public void InvalidJson_NamesLineAndColumn() =>
        Refused("{\n  \"data\": { \"file\": \"bars.csv\" },\n  \"strategy\": { \"name\": \"price-sma-cross\" \n}", $"{Path}: line 4, column 2: not valid JSON");

    [Fact]
    public void UnknownSetting_IsRefused() =>
        Refused(Minimal(", \"brokr\": {}"), $"{Path}: line 1, column 86: unknown setting at brokr; see docs/trading.md for the settings a run config takes");

    [Fact]
    public void WrongValueType_IsRefused() =>
        Refused(Minimal(", \"broker\": { \"cash\": \"lots\" }"), $"{Path}: line 1, column 104: wrong type of value at broker.cash (numbers are bare, dates are \"yyyy-MM-dd\")");

    [Fact]
    public void MissingDataFile_IsRefused() =>
        Refused("{ \"strategy\": { \"name\": \"price-sma-cross\" } }", $"{Path}: data.file is missing: name the CSV file of bars (relative to the config's folder), or list several symbols under symbols");

    [Fact]
    public void UnknownStrategy_ListsTheBuiltIns() =>
        Refused("{ \"data\": { \"file\": \"bars.csv\" }, \"strategy\": { \"name\": \"moon\" } }",
            $"{Path}: strategy.name is not a built-in strategy: choose one of price-sma-cross, dual-ma-cross, rsi-mean-reversion, lower-closes, relative-strength");

    [Fact]
    public void UnknownParameter_ListsTheStrategysParameters() =>
        Refused("{ \"data\": { \"file\": \"bars.csv\" }, \"strategy\": { \"name\": \"price-sma-cross\", \"parameters\": { \"lookback\": 3 } } }",
            $"{Path}: strategy.parameters.lookback is not a parameter of price-sma-cross; it takes: period");

    [Fact]
    public void ParameterOutOfRange_IsRefused() =>
        Refused("{ \"data\": { \"file\": \"bars.csv\" }, \"strategy\": { \"name\": \"price-sma-cross\", \"parameters\": { \"period\": 0 } } }",
            $"{Path}: strategy.parameters.period must be a whole number from 1 to 10000 (got 0)");

    [Fact]
    public void FractionalPeriod_IsRefused() =>
        Refused("{ \"data\": { \"file\": \"bars.csv\" }, \"strategy\": { \"name\": \"price-sma-cross\", \"parameters\": { \"period\": 2.5 } } }",
            $"{Path}: strategy.parameters.period must be a whole number from 1 to 10000 (got 2.5)");

    [Fact]
    public void ContradictoryParameters_AreRefusedWhenTheStrategyIsBuilt()
    {
        var plan = RunConfigLoader.Parse("{ \"data\": { \"file\": \"bars.csv\" }, \"strategy\": { \"name\": \"dual-ma-cross\", \"parameters\": { \"fast\": 30, \"slow\": 10 } } }", Path);
        var error = Assert.Throws<TradeguardException>(() => plan.CreateStrategy());
        Assert.Equal((ExitCode.Configuration, $"{Path}: strategy.parameters do not fit together: the slow period must be above the fast period"), (error.ExitCode, error.Message));
    }

    [Fact]
    public void NonPositiveCash_IsRefused() =>
        Refused(Minimal(", \"broker\": { \"cash\": 0 }"), $"{Path}: broker.cash must be above 0 and at most 1000000000000 (got 0)");

    [Fact]
    public void UnknownCommissionModel_IsRefused() =>
        Refused(Minimal(", \"broker\": { \"commission\": { \"model\": \"flat\", \"value\": 1 } }"), $"{Path}: broker.commission.model is not a commission model: use percent, per-unit or per-order");

    [Fact]
    public void NegativeCommission_IsRefused() =>
        Refused(Minimal(", \"broker\": { \"commission\": { \"model\": \"percent\", \"value\": -0.1 } }"), $"{Path}: broker.commission.value must be from 0 to 1 (a fraction: 0.001 = 0.1 %) (got -0.1)");

    [Fact]
    public void InstrumentSection_SetsTheRulesAndTheSizersLot()
    {
        var plan = RunConfigLoader.Parse(Minimal(", \"instrument\": { \"lotSize\": 0.00001, \"tickSize\": 0.01, \"minNotional\": 5 }, " +
            "\"broker\": { \"sizer\": { \"model\": \"percent-of-equity\", \"value\": 0.95 } }, \"report\": { \"periodsPerYear\": 8760 }"), Path);
        Assert.Equal(new Instrument(0.00001m, 0.01m, 5m), plan.Engine.Instrument);
        Assert.Equal(new Sizer.PercentOfEquity(0.95m, 0.00001m), plan.Engine.Sizer);
        Assert.Equal(8760, plan.PeriodsPerYear);
    }

    [Fact]
    public void NoInstrumentSection_TradesWholeUnits_AndReadsThePeriodsFromTheBars()
    {
        var plan = RunConfigLoader.Parse(Minimal(", \"broker\": { \"sizer\": { \"model\": \"percent-of-equity\", \"value\": 0.95 } }"), Path);
        Assert.Equal((null, new Sizer.PercentOfEquity(0.95m, 1), null), (plan.Engine.Instrument, plan.Engine.Sizer, plan.PeriodsPerYear));
    }

    [Fact]
    public void InstrumentWithoutALotSize_IsRefused() =>
        Refused(Minimal(", \"instrument\": { \"tickSize\": 0.01 }"), $"{Path}: instrument.lotSize is missing: give the quantity step (Binance's LOT_SIZE stepSize, e.g. 0.00001)");

    [Fact]
    public void ZeroLotSize_IsRefused() =>
        Refused(Minimal(", \"instrument\": { \"lotSize\": 0 }"), $"{Path}: instrument.lotSize must be above 0 and at most 1000000000000 units (got 0)");

    [Fact]
    public void NegativeMinNotional_IsRefused() =>
        Refused(Minimal(", \"instrument\": { \"lotSize\": 1, \"minNotional\": -5 }"), $"{Path}: instrument.minNotional must be from 0 to 1000000000000 (got -5)");

    [Fact]
    public void AFixedSizeOffTheLot_IsRefused() =>
        Refused(Minimal(", \"instrument\": { \"lotSize\": 0.001 }, \"broker\": { \"sizer\": { \"model\": \"fixed\", \"value\": 0.0015 } }"),
            $"{Path}: broker.sizer.value must be a multiple of instrument.lotSize 0.001 (got 0.0015)");

    [Fact]
    public void ZeroPeriodsPerYear_IsRefused() =>
        Refused(Minimal(", \"report\": { \"periodsPerYear\": 0 }"),
            $"{Path}: report.periodsPerYear must be above 0 and at most 31622400 bars a year (252 for daily stock bars, 8760 for hourly 24/7 bars) (got 0); leave it out to read it from the bars");

    [Fact]
    public void PercentOfEquityAboveOne_IsRefused() =>
        Refused(Minimal(", \"broker\": { \"sizer\": { \"model\": \"percent-of-equity\", \"value\": 1.5 } }"), $"{Path}: broker.sizer.value must be a fraction above 0 and at most 1 (got 1.5)");

    [Fact]
    public void StopLossOutsideZeroToOne_IsRefused() =>
        Refused(Minimal(", \"broker\": { \"exits\": { \"stopLoss\": 5 } }"), $"{Path}: broker.exits stopLoss must be a fraction between 0 and 1 (0.05 = 5 %)");

    [Fact]
    public void NonPositiveRiskLimit_IsRefused() =>
        Refused(Minimal(", \"risk\": { \"maxDailyLoss\": -10 }"), $"{Path}: risk.maxDailyLoss must be above 0 and at most 1000000000000 (got -10); leave it out for no limit");

    [Fact]
    public void FromAfterTo_IsRefused() =>
        Refused("{ \"data\": { \"file\": \"bars.csv\", \"from\": \"2001-01-01\", \"to\": \"2000-01-01\" }, \"strategy\": { \"name\": \"price-sma-cross\" } }",
            $"{Path}: data.from (2001-01-01) is after data.to (2000-01-01)");

    [Fact]
    public void EmptyJsonNull_IsRefused() =>
        Refused("null", $"{Path}: the config is empty; it needs at least data.file and strategy.name");

    [Theory]
    [InlineData("period=10..30", 21, 10.0, 30.0)]
    [InlineData("period=10..30:5", 5, 10.0, 30.0)]
    [InlineData("oversold=20,25.5,30", 3, 20.0, 30.0)]
    public void SweepRange_Parses(string text, int count, double first, double last)
    {
        var range = SweepRange.Parse(text);
        Assert.Equal((count, first, last), (range.Values.Count, range.Values[0], range.Values[^1]));
    }

    [Theory]
    [InlineData("period")]
    [InlineData("period=30..10")]
    [InlineData("period=1..x")]
    [InlineData("=1..3")]
    public void SweepRange_BadSyntax_IsAUsageError(string text)
    {
        var error = Assert.Throws<TradeguardException>(() => SweepRange.Parse(text));
        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.StartsWith($"--sweep \"{text}\": expected NAME=FROM..TO, NAME=FROM..TO:STEP or NAME=V1,V2,... (e.g. period=10..30)", error.Message);
    }

    [Fact]
    public void Sweep_RanksVariantsByTotalReturn_AndMatchesSingleRuns()
    {
        var plan = RunConfigLoader.Load(RepoPaths.Samples("sma-cross-orcl.json"));
        var bars = plan.LoadBars();
        var rows = ParameterSweep.Run(plan, bars, SweepVariants.Of(plan, SweepGrid.Parse(["period=10..30"])), maxParallelism: 2);

        Assert.Equal(21, rows.Count);
        Assert.Equal(Enumerable.Range(10, 21).Select(v => (double)v), rows.Select(r => r.Values.Single()).Order());
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Report.Metrics.TotalReturn >= p.Second.Report.Metrics.TotalReturn));
        Assert.Equal(975.60m, Math.Round(rows.Single(r => r.Values[0] == 15).Report.Result.FinalValue, 2));
    }
}
