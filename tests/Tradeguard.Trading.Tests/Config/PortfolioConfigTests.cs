using Tradeguard.Core.Errors;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Runs;

namespace Tradeguard.Trading.Tests.Config;

/// <summary>The <c>symbols</c> list of a portfolio run: its shape, its errors, and the sample that runs it.</summary>
public sealed class PortfolioConfigTests
{
    private const string Path = "/configs/run.json";
    private const string Strategy = "\"strategy\": { \"name\": \"price-sma-cross\" }";

    private static void Refused(string json, string message)
    {
        var error = Assert.Throws<TradeguardException>(() => RunConfigLoader.Parse(json, Path));
        Assert.Equal((ExitCode.Configuration, message), (error.ExitCode, error.Message));
    }

    [Fact]
    public void Symbols_AreReadInOrder_WithTheirOwnFilesAndDates()
    {
        var plan = RunConfigLoader.Parse(
            "{ \"symbols\": [ { \"symbol\": \"ORCL\", \"file\": \"orcl.csv\", \"from\": \"2000-01-01\" }, { \"symbol\": \"YHOO\", \"file\": \"data/yhoo.csv\", \"adjusted\": false } ], " + Strategy + " }", Path);

        Assert.True(plan.IsPortfolio);
        Assert.Equal(
            [("/configs/orcl.csv", "ORCL", true, (DateTime?)new DateTime(2000, 1, 1)), ("/configs/data/yhoo.csv", "YHOO", false, null)],
            plan.Feeds.Select(f => (f.DataFile, f.Data.Symbol, f.Data.UseAdjustedClose, f.Data.From)));
        Assert.Equal(("/configs/orcl.csv", "ORCL"), (plan.DataFile, plan.Data.Symbol));
    }

    [Fact]
    public void ASingleSymbolConfig_IsNotAPortfolio() =>
        Assert.False(RunConfigLoader.Parse("{ \"data\": { \"file\": \"bars.csv\" }, " + Strategy + " }", Path).IsPortfolio);

    [Fact]
    public void DataAndSymbolsTogether_AreRefused() =>
        Refused("{ \"data\": { \"file\": \"bars.csv\" }, \"symbols\": [ { \"symbol\": \"A\", \"file\": \"a.csv\" } ], " + Strategy + " }",
            $"{Path}: symbols cannot be given with data: trade one symbol with data, or several with symbols (each entry names its file)");

    [Fact]
    public void NeitherDataNorSymbols_IsRefused() =>
        Refused("{ " + Strategy + " }",
            $"{Path}: data.file is missing: name the CSV file of bars (relative to the config's folder), or list several symbols under symbols");

    [Fact]
    public void AnEmptySymbolsList_IsRefused() =>
        Refused("{ \"symbols\": [], " + Strategy + " }", $"{Path}: symbols is empty: list at least one {{ \"symbol\": ..., \"file\": ... }}");

    [Fact]
    public void AnEntryWithoutSymbol_IsRefused() =>
        Refused("{ \"symbols\": [ { \"symbol\": \"A\", \"file\": \"a.csv\" }, { \"file\": \"b.csv\" } ], " + Strategy + " }",
            $"{Path}: symbols[1].symbol is missing: name each symbol of a portfolio run, e.g. ORCL");

    [Fact]
    public void AnEntryWithoutFile_IsRefused() =>
        Refused("{ \"symbols\": [ { \"symbol\": \"A\" } ], " + Strategy + " }",
            $"{Path}: symbols[0].file is missing: name the CSV file of bars (relative to the config's folder)");

    [Fact]
    public void ANullEntry_IsRefused() =>
        Refused("{ \"symbols\": [ null ], " + Strategy + " }", $"{Path}: symbols[0] is empty: give its symbol and file");

    [Fact]
    public void ASymbolListedTwice_IsRefused_WithoutQuotingIt() =>
        Refused("{ \"symbols\": [ { \"symbol\": \"ORCL\", \"file\": \"a.csv\" }, { \"symbol\": \"orcl\", \"file\": \"b.csv\" } ], " + Strategy + " }",
            $"{Path}: symbols[1].symbol repeats symbols[0].symbol: list each symbol once");

    [Fact]
    public void AnEntrysFromAfterTo_IsRefused() =>
        Refused("{ \"symbols\": [ { \"symbol\": \"A\", \"file\": \"a.csv\", \"from\": \"2001-01-01\", \"to\": \"2000-01-01\" } ], " + Strategy + " }",
            $"{Path}: symbols[0].from (2001-01-01) is after symbols[0].to (2000-01-01)");

    [Fact]
    public void AnUnknownKeyInAnEntry_IsRefused() =>
        Refused("{ \"symbols\": [ { \"symbol\": \"A\", \"file\": \"a.csv\", \"data\": \"a.csv\" } ], " + Strategy + " }",
            $"{Path}: line 1, column 57: unknown setting at symbols[0].data; see docs/trading.md for the settings a run config takes");

    [Fact]
    public void CommandLineDates_NarrowEverySymbol()
    {
        var plan = RunConfigLoader.Parse(
            "{ \"symbols\": [ { \"symbol\": \"A\", \"file\": \"a.csv\", \"to\": \"2010-12-31\" }, { \"symbol\": \"B\", \"file\": \"b.csv\" } ], " + Strategy + " }", Path)
            .Between(new DateTime(2005, 1, 1), null);
        Assert.Equal([(new DateTime(2005, 1, 1), (DateTime?)new DateTime(2010, 12, 31)), (new DateTime(2005, 1, 1), null)],
            plan.Feeds.Select(f => (f.Data.From!.Value, f.Data.To)));
    }

    [Fact]
    public void TheRelativeStrengthSample_IsValid()
    {
        var plan = RunConfigLoader.Load(RepoPaths.Samples("relative-strength-orcl-yhoo.json"));
        Assert.Equal(("relative-strength", 20.0, 2), (plan.Strategy.Name, plan.Parameters["lookback"], plan.Feeds.Count));
    }

    [Fact]
    public void TheSample_RunsToBacktradersValue()
    {
        // samples/portfolio-orcl-yhoo.json is the run of Vectors/Backtrader/generate_portfolio.py: backtrader ends at 9562.60.
        var plan = RunConfigLoader.Load(RepoPaths.Samples("portfolio-orcl-yhoo.json"));
        var report = Backtest.RunPortfolio(plan, plan.LoadAllBars());
        Assert.Equal((9562.60m, 35), (report.Total.Metrics.FinalValue, report.Total.Metrics.TradeCount));
        Assert.Equal([("ORCL", 21, -24.40m, 10m), ("YHOO", 14, -413.00m, 0m)], report.Symbols.Select(s => (s.Symbol, s.Trades.Count, s.NetPnl, s.FinalPosition)));
    }
}
