using BenchmarkDotNet.Attributes;
using Tradeguard.Alerts;
using Tradeguard.Alerts.Age;
using Tradeguard.Alerts.Outbox;

namespace Tradeguard.Benchmarks;

/// <summary>The alert path's costs: render, seal with age, split, commit to the outbox.</summary>
[MemoryDiagnoser]
public class AlertsBenchmarks
{
    private readonly Alert _alert = new(AlertKinds.StopLossTriggered, "Stop loss triggered", DateTimeOffset.UnixEpoch)
    {
        Symbol = "ORCL",
        Side = "sell",
        Mode = TradingMode.Paper,
        Details = AlertDetails.From(("quantity", "3"), ("price", "101.25"), ("balance", "10234.50")),
    };

    private readonly byte[] _kib = new byte[1024];
    private readonly string _longReport = string.Join('\n', Enumerable.Range(0, 60).Select(i => "🟢 " + new string('A', 147)));
    private AgeIdentity _identity = null!;
    private ExposurePolicy _minimal = null!;
    private ExposurePolicy _detailed = null!;
    private OutboxStore _outbox = null!;
    private string _folder = null!;
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _identity = AgeIdentity.Generate();
        _minimal = new ExposurePolicy();
        _detailed = new ExposurePolicy(defaultLevel: ExposureLevel.Detailed, recipient: _identity.Recipient);
        _folder = Directory.CreateTempSubdirectory("tradeguard-bench-").FullName;
        _outbox = OutboxStore.Open(Path.Combine(_folder, "outbox.db"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _identity.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public RenderedAlert? RenderMinimal() => _minimal.Render(_alert);

    [Benchmark]
    public RenderedAlert? RenderDetailedSealedWithAge() => _detailed.Render(_alert);

    [Benchmark]
    public byte[] AgeEncrypt1KiB() => AgeFile.Encrypt(_kib, [_identity.Recipient]);

    [Benchmark]
    public IReadOnlyList<string> SplitSixtyLineReport() => MessageSplitter.Split(_longReport);

    [Benchmark]
    public int OutboxEnqueueDurable() =>
        _outbox.Enqueue([new NewOutboxMessage("telegram", "100000001", "bench", $"k{++_sequence}", "[paper] Stop loss triggered · ORCL")]);
}
