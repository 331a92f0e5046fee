using BenchmarkDotNet.Attributes;
using Tradeguard.Audit;
using Tradeguard.Core.Audit;
using Tradeguard.TestSupport;

namespace Tradeguard.Benchmarks;

/// <summary>
/// Issue 6's speed goals: at least 50,000 records/s appended in batch, and verify of 1 million records in under 10 s.
/// Run: <c>dotnet run -c Release --project bench/Tradeguard.Benchmarks -- --filter '*Audit*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class AuditAppendBenchmarks
{
    private const int BatchSize = 1_000;
    private const int LargeBatchSize = 10_000;

    private TempFolder _folder = null!;
    private SqliteAuditLog _log = null!;
    private List<AuditEvent> _batch = null!;
    private List<AuditEvent> _largeBatch = null!;
    private AuditEvent _single = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = new TempFolder();
        _log = SqliteAuditLog.Open(AuditPaths.InFolder(_folder.Path), new InMemorySecretStore());
        _batch = Enumerable.Range(0, BatchSize).Select(AuditBenchmarkEvents.Order).ToList();
        _largeBatch = Enumerable.Range(0, LargeBatchSize).Select(AuditBenchmarkEvents.Order).ToList();
        _single = AuditBenchmarkEvents.Order(0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _log.Dispose();
        _folder.Dispose();
    }

    /// <summary>One transaction of 1,000 records; the reported time is per record.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long AppendInBatchesOf1000() => _log.Record(_batch);

    /// <summary>One transaction of 10,000 records (a disk sync and a checkpoint per 10,000); time per record.</summary>
    [Benchmark(OperationsPerInvoke = LargeBatchSize)]
    public long AppendInBatchesOf10000() => _log.Record(_largeBatch);

    /// <summary>One record, one transaction: the latency of a lone <c>Record</c> with a disk sync.</summary>
    [Benchmark]
    public void AppendOne() => _log.Record(_single);
}

/// <summary>Verifies a log of 1 million records built once per benchmark process.</summary>
public class AuditVerifyBenchmarks
{
    private const int Records = 1_000_000;

    private TempFolder _folder = null!;
    private InMemorySecretStore _vault = null!;
    private AuditPaths _paths = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = new TempFolder();
        _vault = new InMemorySecretStore();
        _paths = AuditPaths.InFolder(_folder.Path);
        using var log = SqliteAuditLog.Open(_paths, _vault);
        var batch = new List<AuditEvent>(10_000);
        for (var i = 0; i < Records; i += 10_000)
        {
            batch.Clear();
            batch.AddRange(Enumerable.Range(i, 10_000).Select(AuditBenchmarkEvents.Order));
            log.Record(batch);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _folder.Dispose();

    [Benchmark]
    public long VerifyOneMillionRecords()
    {
        var result = AuditVerifier.Verify(_paths, _vault);
        if (!result.IsIntact || result.RecordCount != Records)
        {
            throw new InvalidOperationException(result.Summary);
        }

        return result.RecordCount;
    }
}

internal static class AuditBenchmarkEvents
{
    /// <summary>A typical engine record: actor, action, symbol target, three details.</summary>
    public static AuditEvent Order(int i) => new(
        "system",
        "engine.order_filled",
        "ORCL",
        AuditOutcome.Success,
        "",
        new Dictionary<string, string>
        {
            ["order"] = $"paper-{i}",
            ["side"] = i % 2 == 0 ? "buy" : "sell",
            ["mode"] = "paper",
        });
}
