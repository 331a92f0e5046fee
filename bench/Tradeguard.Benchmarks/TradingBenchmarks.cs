using BenchmarkDotNet.Attributes;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Runs;
using Tradeguard.Trading.Strategies.PriceSmaCross;

namespace Tradeguard.Benchmarks;

/// <summary>
/// Trading speed goals (issue 2): price-vs-SMA over 1 million bars (ORCL repeated end to end) at ≥ 5 million bars/s
/// on one core; the 21-period sweep scaling with cores; the ORCL CSV loading at ≥ 1 million rows/s.
/// Results are per bar (engine) or per row (loader): divide 1 s by the mean.
/// </summary>
[MemoryDiagnoser]
public class TradingBenchmarks
{
    private const int MillionBars = 1_000_000;
    private const int OrclRows = 5036;
    private BarSeries million = null!;
    private RunPlan plan = null!;
    private string orclPath = null!;

    /// <summary>Variants run at once in the sweep benchmark.</summary>
    [Params(1, 2)]
    public int SweepParallelism { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        orclPath = Path.Combine(root, "samples", "data", "orcl-1995-2014.txt");
        var orcl = CsvBarLoader.Load(orclPath).Bars;
        var start = new DateTime(1900, 1, 1);
        million = new BarSeries("ORCL", Enumerable.Range(0, MillionBars).Select(i => orcl[i % orcl.Count] with { Time = start.AddDays(i) }));
        plan = RunConfigLoader.Load(Path.Combine(root, "samples", "sma-cross-orcl.json"));
    }

    [Benchmark(OperationsPerInvoke = MillionBars)]
    public decimal PriceVsSma_1MBars_PerBar()
    {
        var options = new EngineOptions { InitialCash = 1000m, Sizer = new Sizer.Fixed(10) };
        return new TradingEngine(new PriceSmaCrossStrategy(15), options).Run(million).FinalValue;
    }

    [Benchmark(OperationsPerInvoke = MillionBars * 21)]
    public int Sweep21Periods_1MBars_PerBar() =>
        ParameterSweep.Run(plan, million, SweepRange.Parse("period=10..30"), SweepParallelism).Count;

    [Benchmark(OperationsPerInvoke = OrclRows)]
    public int LoadOrclCsv_PerRow() => CsvBarLoader.Load(orclPath).Count;

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
