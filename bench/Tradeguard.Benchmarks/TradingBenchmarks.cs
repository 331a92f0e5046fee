using BenchmarkDotNet.Attributes;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Reports;
using Tradeguard.Trading.Runs;
using Tradeguard.Trading.Strategies.PriceSmaCross;

namespace Tradeguard.Benchmarks;

/// <summary>
/// Trading speed goals (issue 2): price-vs-SMA over 1 million bars (ORCL repeated end to end) at ≥ 5 million bars/s
/// on one core; the 21-period sweep scaling with cores; the ORCL CSV loading at ≥ 1 million rows/s.
/// Results are per bar (engine) or per row (loader): divide 1 s by the mean. The sweep runs over 200 000 bars so a
/// short job stays short; compare its two parallelism settings for the scaling.
/// </summary>
[MemoryDiagnoser]
public class TradingBenchmarks
{
    private const int MillionBars = 1_000_000;
    private const int OrclRows = 5036;
    private const int SweepBars = 200_000;
    private const int OrclX20Bars = OrclRows * 20;
    private BarSeries million = null!;
    private BarSeries sweepBars = null!;
    private RunPlan plan = null!;
    private SweepVariants sweepVariants = null!;
    private string orclPath = null!;
    private RunResult orclX20 = null!;
    private RunReport orclX20Report = null!;
    private BarSeries orclX20Bars = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        orclPath = Path.Combine(root, "samples", "data", "orcl-1995-2014.txt");
        var orcl = CsvBarLoader.Load(orclPath).Bars;
        var start = new DateTime(1900, 1, 1);
        million = new BarSeries("ORCL", Enumerable.Range(0, MillionBars).Select(i => orcl[i % orcl.Count] with { Time = start.AddDays(i) }));
        sweepBars = new BarSeries("ORCL", million.Bars.Take(SweepBars));
        plan = RunConfigLoader.Load(Path.Combine(root, "samples", "sma-cross-orcl.json"));
        plan = plan with { Engine = plan.Engine with { InitialCash = 100_000m, Risk = Tradeguard.Trading.Risk.RiskLimits.None } };
        sweepVariants = SweepVariants.Of(plan, SweepGrid.Parse(["period=10..30"]));
        orclX20Bars = new BarSeries("ORCL", million.Bars.Take(OrclX20Bars));
        orclX20Report = Backtest.Run(plan, orclX20Bars);
        orclX20 = orclX20Report.Result;
    }

    /// <summary>equity.png of a 100,720-bar run (issue 16: ≤ 100 ms for 100k points), price line and trade markers included.</summary>
    [Benchmark]
    public int EquityPng_100720Bars() => EquityChart.Render(orclX20, orclX20Bars.Bars).Length;

    /// <summary>report.html of the same run (issue 17: under ~100 ms and a few MB), into memory.</summary>
    [Benchmark]
    public long HtmlReport_100720Bars()
    {
        using var stream = new MemoryStream();
        Tradeguard.Trading.Reports.Html.HtmlReport.Write(stream, "sma-cross-orcl-x20", orclX20Report, orclX20Bars.Bars);
        return stream.Length;
    }

    /// <summary>trades.csv and equity.csv of the same run, into memory (the files add one write each).</summary>
    [Benchmark]
    public int ReportCsvs_100720Bars()
    {
        using var writer = new StringWriter();
        ReportFiles.WriteTradesCsv(writer, orclX20.Trades);
        ReportFiles.WriteEquityCsv(writer, orclX20.EquityCurve);
        return writer.GetStringBuilder().Length;
    }

    [Benchmark(OperationsPerInvoke = MillionBars)]
    public decimal PriceVsSma_1MBars_PerBar()
    {
        // Enough cash that buys are never refused: the benchmark measures bars, not rejected-order spam.
        var options = new EngineOptions { InitialCash = 100_000m, Sizer = new Sizer.Fixed(10) };
        return new TradingEngine(new PriceSmaCrossStrategy(15), options).Run(million).FinalValue;
    }

    [Benchmark(OperationsPerInvoke = SweepBars * 21)]
    public int Sweep21Periods_OneCore_PerBar() => SweepOnPoolThread(maxParallelism: 1);

    [Benchmark(OperationsPerInvoke = SweepBars * 21)]
    public int Sweep21Periods_AllCores_PerBar() => SweepOnPoolThread(maxParallelism: Environment.ProcessorCount);

    [Benchmark(OperationsPerInvoke = OrclRows)]
    public int LoadOrclCsv_PerRow() => CsvBarLoader.Load(orclPath).Count;

    // BenchmarkDotNet raises its own thread to the highest priority (nice −11 on Linux when it may), but not the
    // thread-pool workers that Parallel.For adds (BenchmarkDotNet issue #5): on a busy machine the boosted thread
    // finishes its share and then waits for the starved workers, which hides any scaling. Both sweep benchmarks
    // therefore run from a pool thread, so that every worker of both settings has the same priority.
    private int SweepOnPoolThread(int maxParallelism) =>
        Task.Run(() => ParameterSweep.Run(plan, sweepBars, sweepVariants, maxParallelism).Count).GetAwaiter().GetResult();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tradeguard.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Tradeguard.slnx not found above " + AppContext.BaseDirectory);
    }
}
