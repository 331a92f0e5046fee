using BenchmarkDotNet.Attributes;
using Tradeguard.Exchange.State;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Events;

namespace Tradeguard.Benchmarks;

/// <summary>
/// What the service adds to each candle: the run state written atomically (temp file, fsync, rename, fsync folder),
/// and reading it back at a restart.
/// </summary>
[MemoryDiagnoser]
public class ServiceBenchmarks
{
    private readonly string home = Directory.CreateTempSubdirectory("tg-bench-").FullName;
    private RunStateFile file = null!;
    private RunState state = null!;

    [GlobalSetup]
    public void Setup()
    {
        file = RunStateFile.Open(home, TradingMode.Paper, "bench");
        state = new RunState
        {
            Mode = "paper",
            Name = "bench",
            Symbol = "ORCL",
            RunTag = "0badc0de",
            NextOrderId = 42,
            NextTradeId = 17,
            LastOpenTime = 978220800000,
            BarsSeen = 252,
            StartEquity = 1000m,
            Position = 57m,
            Cash = 12.34m,
            WorkingOrders = [new WorkingOrder(41, 20, OrderSide.Sell, OrderType.Market, 57m, null, null, new DateTime(2000, 12, 29), false)],
        };
        file.Save(state);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        file.Dispose();
        Directory.Delete(home, recursive: true);
    }

    [Benchmark]
    public void SaveState() => file.Save(state);

    [Benchmark]
    public RunState? LoadState() => file.Load();
}
