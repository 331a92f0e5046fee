using System.Text.RegularExpressions;
using Tradeguard.TestSupport;

namespace Tradeguard.Trading.Tests.Cli;

/// <summary>The real <c>tradeguard run</c>, as a child process with redirected output.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private ProcessResult Run(params string[] args) =>
        TradeguardCli.Run(args, env: new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = temp.Combine("home") }, workingDirectory: temp.Path);

    private string Config(string json, string name = "run.json")
    {
        var path = temp.Combine(name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void SampleRun_PrintsAlertLines_TheSummary_AndWritesTheReport()
    {
        var result = Run("run", RepoPaths.Samples("sma-cross-orcl.json"), "--output", temp.Combine("report"));

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Contains("2000-01-26 [paper] Buy order executed · ORCL", lines);
        Assert.Contains("2000-01-28 [paper] Sell order executed · ORCL", lines);
        var eventLines = lines.Where(l => l.Contains("[paper]", StringComparison.Ordinal)).ToArray();
        Assert.Equal(1 + 44 + 43 + 1, eventLines.Length); // run started, 44 submitted, 43 executed (the last bar's order never fills), run finished
        Assert.All(eventLines, l => Assert.Matches(new Regex("^\\d{4}-\\d{2}-\\d{2} \\[paper\\] [A-Za-z -]+ · ORCL$"), l));
        Assert.Contains("975.60", result.Stdout);
        Assert.Contains("closed trades (the last 20 of 21)", result.Stdout);
        Assert.Contains($"all 21 closed trades: {temp.Combine("report/trades.csv")}", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, "^│ 21 +│ 2000-"));
        Assert.DoesNotContain(lines, l => Regex.IsMatch(l, "^│ 1 +│ 2000-")); // the first trade is in trades.csv only
        Assert.Equal(["annual-returns.csv", "equity.csv", "equity.png", "metrics.json", "monthly-returns.csv", "report.html", "trades.csv"],
            Directory.GetFiles(temp.Combine("report")).Select(Path.GetFileName).Order());
        Assert.Equal(22, File.ReadAllLines(temp.Combine("report/trades.csv")).Length);
        var metrics = File.ReadAllText(temp.Combine("report/metrics.json"));
        Assert.Contains("\"finalValue\": 975.60,", metrics);
        // The analyzers' figures, as backtrader's analyzers give them for this run (Analyzers/BacktraderAnalyzerTests).
        Assert.Contains("\"maxMoney\": 152.70,", metrics);
        Assert.Contains("\"maxLength\": 193,", metrics);
        Assert.Contains(lines, l => Regex.IsMatch(l, "^│ SQN +│ +-0.10 │$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, "^│ profit factor +│ +0.94 │$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, "^│ longest drawdown +│ +193 bars │$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, "^│ 2000 +│ 1,000.00 +│ 975.60 +│ +-2.44 % │$"));
        Assert.Equal(["period_start,period_end,start_value,end_value,return", "2000-01-01,2000-12-31,1000,975.60,-0.0244"],
            File.ReadAllLines(temp.Combine("report/annual-returns.csv")));
        Assert.Equal(13, File.ReadAllLines(temp.Combine("report/monthly-returns.csv")).Length);
    }

    [Fact]
    public void PortfolioSample_PrintsTheTotalAndASymbolTable_AndWritesSymbolsCsv()
    {
        var result = Run("run", RepoPaths.Samples("portfolio-orcl-yhoo.json"), "--output", temp.Combine("p"));

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        // Events name their symbol; the figures are backtrader's (Vectors/Backtrader/generate_portfolio.py).
        Assert.Contains(lines, l => l.EndsWith("[paper] Buy order executed · YHOO", StringComparison.Ordinal));
        Assert.Contains(lines, l => Regex.IsMatch(l, "^│ final value +│ +9,562.60 │$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, "^│ ORCL +│ +252 │ +21 │ +-24.40 │ +0.00 │ +10 │$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, "^│ YHOO +│ +252 │ +14 │ +-413.00 │ +0.00 │ +0 │$"));
        Assert.Contains($"all 35 closed trades: {temp.Combine("p/trades.csv")}", lines);
        Assert.Equal(["annual-returns.csv", "equity.csv", "equity.png", "metrics.json", "monthly-returns.csv", "symbols.csv", "trades.csv"],
            Directory.GetFiles(temp.Combine("p")).Select(Path.GetFileName).Order());
        Assert.Equal(["symbol,bars,trades,net_pnl,commission,final_position,last_close", "ORCL,252,21,-24.40,0.00,10,25.85", "YHOO,252,14,-413.00,0.00,0,15.03"],
            File.ReadAllLines(temp.Combine("p/symbols.csv")));
        Assert.Equal(253, File.ReadAllLines(temp.Combine("p/equity.csv")).Length);
        Assert.Contains("\"finalValue\": 9562.60,", File.ReadAllText(temp.Combine("p/metrics.json")));
    }

    [Fact]
    public void PortfolioConfig_WithSweep_IsAUsageError()
    {
        var result = Run("run", RepoPaths.Samples("portfolio-orcl-yhoo.json"), "--sweep", "period=10..12");
        Assert.Equal((2, "error: --sweep runs a single-symbol config (data); this config lists symbols\n"), (result.ExitCode, result.Stderr));
    }

    [Fact]
    public void DefaultOutputFolder_IsOutSlashRunName()
    {
        var result = Run("run", RepoPaths.Samples("sma-cross-orcl.json"), "--quiet");
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(temp.Combine("out/sma-cross-orcl/equity.png")));
        Assert.DoesNotContain("[paper]", result.Stdout);
        Assert.DoesNotContain("closed trades", result.Stdout); // --quiet prints the summary only
        Assert.DoesNotContain("wrote ", result.Stdout);
        Assert.DoesNotContain("progress", result.Stderr);
        Assert.Contains("975.60", result.Stdout);
    }

    [Fact]
    public void LimitEntrySample_Completes_AtBacktradersFinalValue()
    {
        // samples/sma-cross-limit-entry.json: backtrader ends the same run at 966.10 (Vectors/Backtrader/orders.json,
        // scenario "limit-entry-3-days").
        var result = Run("run", RepoPaths.Samples("sma-cross-limit-entry.json"), "--quiet");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("price-sma-cross(period=15, entry=limit)", result.Stdout);
        Assert.Contains("966.10", result.Stdout);
    }

    [Fact]
    public void FromAndTo_OverrideTheConfigsDates()
    {
        var result = Run("run", RepoPaths.Samples("sma-cross-orcl.json"), "--from", "2000-03-01", "--to", "2000-03-31", "--output", temp.Combine("r"));
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("2000-03-01 [paper] Run started · ORCL", result.Stdout);
        Assert.Contains("2000-03-01 … 2000-03-31", result.Stdout);
    }

    [Fact]
    public void Sweep_PrintsARankedTableOf21Variants()
    {
        var result = Run("run", RepoPaths.Samples("sma-cross-orcl.json"), "--sweep", "period=10..30", "--output", temp.Combine("sweep"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sweep: 21/21 variants done", result.Stderr);
        Assert.Contains("sweep of period · price-sma-cross · paper (the best 20 of 21)", result.Stdout);
        Assert.DoesNotContain("[paper] Buy", result.Stdout);
        Assert.Contains($"all 21 variants, ranked: {temp.Combine("sweep/sweep.csv")}", result.Stdout.Split('\n'));
        var sweep = File.ReadAllLines(temp.Combine("sweep/sweep.csv"));
        Assert.Equal(22, sweep.Length);
        Assert.Equal("rank,period,final_value,total_return,cagr,sharpe,max_drawdown,trades,win_rate,exposure,fees,sqn", sweep[0]);
        Assert.Equal(20, result.Stdout.Split('\n').Count(l => Regex.IsMatch(l, "^│ \\d+ +│ \\d+ +│")));
    }

    [Fact]
    public void GridSweep_HasAColumnPerParameter_AndCountsTheSkippedCombinations()
    {
        var result = Run("run", DualMaCrossConfig(), "--sweep", "fast=5..30:5", "--sweep", "slow=10..40:10", "--output", temp.Combine("grid"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sweep: 15/15 variants done", result.Stderr);
        var lines = result.Stdout.Split('\n');
        Assert.Contains("skipped 9 of 24 combinations: the slow period must be above the fast period", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, "^│ 1 +│ 10 +│ 20 +│ 1,016\\.")); // 1,016.60 (wrapped at 80 columns), backtrader's optstrategy: SweepGridTests
        var sweep = File.ReadAllLines(temp.Combine("grid/sweep.csv"));
        Assert.Equal(16, sweep.Length);
        Assert.StartsWith("rank,fast,slow,final_value,", sweep[0]);
        Assert.StartsWith("1,10,20,1016.60,", sweep[1]);
    }

    [Theory]
    [InlineData("fast=10", "lookback=1..3", "error: --sweep lookback: is not a parameter of dual-ma-cross; it takes: fast, slow, exponential\n")]
    [InlineData("fast=10", "fast=5", "error: --sweep: fast is given 2 times; sweep each parameter once\n")]
    [InlineData("fast=10", "slow=2..5", "error: --sweep: dual-ma-cross accepts none of the 4 combinations (the slow period must be above the fast period): change the ranges\n")]
    [InlineData("fast=1..100", "slow=2..2001", "error: --sweep: 100 × 2000 = 200,000 combinations; a sweep covers at most 100,000: narrow a range or take a larger step\n")]
    public void BadGrid_ExitsWith2_NamingTheProblem(string first, string second, string error)
    {
        var result = Run("run", DualMaCrossConfig(), "--sweep", first, "--sweep", second);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(error, result.Stderr);
    }

    private string DualMaCrossConfig() => Config(
        $$"""{ "data": { "file": "{{RepoPaths.Samples("data", "orcl-1995-2014.txt")}}", "adjusted": true, "from": "2000-01-01", "to": "2000-12-31" }, """ +
        """ "strategy": { "name": "dual-ma-cross" }, "broker": { "cash": 1000, "sizer": { "model": "fixed", "value": 10 } } }""", "dual.json");

    [Fact]
    public void MalformedDataFile_ExitsWith4_NamingFileLineAndColumn()
    {
        File.WriteAllText(temp.Combine("bars.csv"), "Date,Open,High,Low,Close,Volume\n2000-01-03,1,2,1,1.5,100\n2000-01-04,1,2,1,oops,100\n");
        var result = Run("run", Config("{ \"data\": { \"file\": \"bars.csv\" }, \"strategy\": { \"name\": \"price-sma-cross\" } }"));
        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"error: {temp.Combine("bars.csv")}: line 3, column 5 (Close): \"oops\" is not a number\n", result.Stderr);
    }

    [Fact]
    public void InvalidConfigJson_ExitsWith5()
    {
        var path = Config("{ \"data\": ");
        var result = Run("run", path);
        Assert.Equal(5, result.ExitCode);
        Assert.Equal($"error: {path}: line 1, column 11: not valid JSON at data\n", result.Stderr);
    }

    [Fact]
    public void BadStrategyParameter_ExitsWith5()
    {
        var path = Config("{ \"data\": { \"file\": \"bars.csv\" }, \"strategy\": { \"name\": \"price-sma-cross\", \"parameters\": { \"period\": -1 } } }");
        var result = Run("run", path);
        Assert.Equal(5, result.ExitCode);
        Assert.Equal($"error: {path}: strategy.parameters.period must be a whole number from 1 to 10000 (got -1)\n", result.Stderr);
    }

    [Fact]
    public void MissingConfig_ExitsWith5()
    {
        var result = Run("run", "absent.json");
        Assert.Equal(5, result.ExitCode);
        Assert.Equal("error: absent.json: cannot read the config: no such file: check the path and its permissions\n", result.Stderr);
    }

    [Fact]
    public void BadSweepSyntax_ExitsWith2()
    {
        var result = Run("run", RepoPaths.Samples("sma-cross-orcl.json"), "--sweep", "period=30..10");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --sweep \"period=30..10\": expected NAME=FROM..TO", result.Stderr);
    }

    [Fact]
    public void BadDateOption_ExitsWith2()
    {
        var result = Run("run", RepoPaths.Samples("sma-cross-orcl.json"), "--from", "01/02/2000");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --from \"01/02/2000\" is not a date: use yyyy-MM-dd\n", result.Stderr);
    }

    [Fact]
    public void Help_DocumentsTheExitCodes()
    {
        var result = Run("run", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exit codes: 0 done, 2 usage, 4 malformed data file, 5 bad config", result.Stdout);
        Assert.Contains("--sweep", result.Stdout);
    }
}
