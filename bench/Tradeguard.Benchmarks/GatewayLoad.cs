using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Tradeguard.Alerts;
using Tradeguard.Audit;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Exchange.Signing;
using Tradeguard.Gateway.Config;
using Tradeguard.Gateway.Hosting;
using Tradeguard.Gateway.Keys;
using Tradeguard.Gateway.State;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Config;

namespace Tradeguard.Benchmarks;

/// <summary>
/// Load harness for the exchange gateway (issue 12), run as <c>Tradeguard.Benchmarks gateway-load</c>, side by side on
/// loopback in one process: the sandbox exchange, the gateway in front of it, and a paced open-loop client.
/// <list type="number">
/// <item>Latency: orders through the gateway and, alternating, the same orders straight to the sandbox, one in flight,
/// paced to <c>--rate</c> per second per path; the added latency is the difference of the two distributions' percentiles.</item>
/// <item>Connections: <c>--connections</c> clients at once, each on its own connection, each a signed request.</item>
/// <item>Soak: <c>--soak-seconds</c> of mixed traffic (signed reads, refused orders, public prices) that grows no
/// exchange state, with the process's managed heap after a full GC sampled every tenth of the run.</item>
/// </list>
/// </summary>
internal static class GatewayLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Arg(args, "--rate", 200);
        var seconds = Arg(args, "--seconds", 20);
        var connections = Arg(args, "--connections", 1000);
        var soakSeconds = Arg(args, "--soak-seconds", 60);
        var sqliteAudit = !args.Contains("--no-audit");
        await using var rig = await Rig.StartAsync(sqliteAudit);
        Console.WriteLine($"audit: {(sqliteAudit ? "the real chained SQLite audit log (synchronous = FULL) behind the gateway's write-behind queue (one fsync per batch, off the order path)" : "counted in memory (--no-audit)")}");
        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");

        await LatencyAsync(rig, rate, seconds);
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        await ConnectionsAsync(rig, connections);
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        if (soakSeconds > 0)
        {
            await SoakAsync(rig, rate, soakSeconds);
        }
        Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static async Task LatencyAsync(Rig rig, int rate, int seconds)
    {
        // Warm both paths (JIT, connection pools).
        for (var i = 0; i < 200; i++)
        {
            await rig.OrderAsync(viaGateway: i % 2 == 0);
        }

        // Closed loop, one order in flight: each order's own service time, not time spent queued behind others. Orders
        // alternate between the two paths and are paced to `rate` per second per path when the machine keeps up.
        var gateway = new List<double>();
        var direct = new List<double>();
        var errors = 0;
        var total = rate * seconds;
        var interval = TimeSpan.FromSeconds(1.0 / rate / 2);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total * 2; i++)
        {
            var wait = interval * i - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var viaGateway = i % 2 == 0;
            var started = Stopwatch.GetTimestamp();
            var ok = await rig.OrderAsync(viaGateway);
            (viaGateway ? gateway : direct).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            errors += ok ? 0 : 1;
        }

        var achieved = total / clock.Elapsed.TotalSeconds;
        gateway.Sort();
        direct.Sort();
        Console.WriteLine($"latency: {total} orders via the gateway and {total} direct, paced at {rate}/s each (achieved {achieved:0}/s), errors {errors}");
        Console.WriteLine($"  direct  median {P(direct, 50):0.000} ms  p90 {P(direct, 90):0.000}  p99 {P(direct, 99):0.000}");
        Console.WriteLine($"  gateway median {P(gateway, 50):0.000} ms  p90 {P(gateway, 90):0.000}  p99 {P(gateway, 99):0.000}");
        Console.WriteLine($"  added   median {P(gateway, 50) - P(direct, 50):0.000} ms  p99 {P(gateway, 99) - P(direct, 99):0.000} ms");
    }

    private static async Task ConnectionsAsync(Rig rig, int count)
    {
        var clients = Enumerable.Range(0, count).Select(_ => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { Timeout = TimeSpan.FromSeconds(120) }).ToArray();
        try
        {
            var clock = Stopwatch.StartNew();
            var results = await Task.WhenAll(clients.Select(c => rig.AccountAsync(c)));
            Console.WriteLine($"connections: {count} at once, {results.Count(r => r)} answered 200, {results.Count(r => !r)} errors, in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            foreach (var c in clients)
            {
                c.Dispose();
            }
        }
    }

    private static async Task SoakAsync(Rig rig, int rate, int seconds)
    {
        var samples = new List<(double At, long Heap)>();
        var errors = 0;
        var total = rate * seconds;
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var pending = new List<Task<bool>>();
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            while (clock.Elapsed < due)
            {
                await Task.Delay(1);
            }

            pending.Add((i % 5) switch
            {
                0 or 1 => rig.AccountAsync(rig.Http),
                2 or 3 => rig.RefusedOrderAsync(),
                _ => rig.PriceAsync(),
            });
            if (i % (total / 10) == total / 10 - 1)
            {
                errors += (await Task.WhenAll(pending)).Count(ok => !ok);
                pending.Clear();
                samples.Add((clock.Elapsed.TotalSeconds, GC.GetTotalMemory(forceFullCollection: true)));
            }
        }

        errors += (await Task.WhenAll(pending)).Count(ok => !ok);
        Console.WriteLine($"soak: {total} requests over {clock.Elapsed.TotalSeconds:0} s (40% signed reads, 40% refused orders, 20% public prices), errors {errors}");
        Console.WriteLine("  managed heap after full GC: " + string.Join(", ", samples.Select(s => $"{s.At:0}s {s.Heap / 1024.0 / 1024.0:0.0} MB")));
        Console.WriteLine($"  working set at end: {Environment.WorkingSet / 1024.0 / 1024.0:0} MB");
    }

    private static double P(List<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1)];

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class Rig : IAsyncDisposable
    {
        private SandboxServer sandbox = null!;
        private WebApplication gateway = null!;
        private Uri gatewayAddress = null!;
        private SandboxKey exchangeKey = null!;
        private string botKey = null!;
        private Secret botSecret = null!;

        public HttpClient Http { get; } = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { Timeout = TimeSpan.FromSeconds(60) };

        private readonly TempFolder folder = new();
        private SqliteAuditLog? audit;
        private WriteBehindAuditLog? auditWriter;
        private readonly InMemorySecretStore vault = new();

        public static async Task<Rig> StartAsync(bool sqliteAudit)
        {
            var rig = new Rig();
            var plan = RunConfigLoader.Load(RepoPaths.Samples("sma-cross-orcl.json"));
            var market = new ReplayMarket(plan.LoadBars(), "USD", 1_000_000_000_000m, plan.Engine.Commission, plan.Engine.Slippage);
            for (var i = 0; i < 30; i++)
            {
                market.Advance();
            }

            var vault = rig.vault;
            rig.exchangeKey = SandboxKeyring.Create(vault, "sandbox", withdrawals: false);
            rig.sandbox = await SandboxServer.StartAsync(market, SandboxKeyring.Load(vault), new SandboxOptions { WeightLimitPerMinute = int.MaxValue });
            var keys = new BotKeyStore(vault);
            using (var key = keys.Create("bench"))
            {
                rig.botKey = key.ApiKey;
                rig.botSecret = Secret.FromString(key.ApiSecret.Reveal());
            }

            var config = GatewayConfig.Parse($$"""
                { "listen": "127.0.0.1:0", "baseUrl": "{{rig.sandbox.BaseAddress}}", "exchange": "sandbox", "weightLimitPerMinute": 1000000,
                  "bots": [ { "name": "bench", "symbols": ["ORCL"], "orderTypes": ["LIMIT"], "maxOrderNotional": 1000000,
                              "maxPosition": 1000000000, "maxOrdersPerMinute": 6000, "maxDailyLoss": 1000 } ] }
                """, "bench-gateway.json");
            rig.gateway = GatewayHost.Build(new GatewayParts
            {
                Config = config,
                BotKeys = [keys.Read("bench")],
                ExchangeCredentials = ApiCredentials.Load(vault, "sandbox"),
                Mode = TradingMode.Paper,
                // As `gateway serve` composes it: the chained SQLite log behind the write-behind queue, and the ledger file.
                Audit = sqliteAudit
                    ? rig.auditWriter = new WriteBehindAuditLog(rig.audit = SqliteAuditLog.Open(AuditPaths.InFolder(rig.folder.Path), vault), Console.Error.WriteLine)
                    : new CountingAudit(),
                Ledger = sqliteAudit ? new LedgerFile(Path.Combine(rig.folder.Path, "ledger-paper.json")) : null,
                LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
                MaxConnections = 20_000,
            }, adminSocket: false);
            await rig.gateway.StartAsync();
            rig.gatewayAddress = GatewayHost.BaseAddress(rig.gateway);
            return rig;
        }

        /// <summary>A limit buy far under the market (it stays working), signed by the bot for the gateway or by the exchange key for the sandbox.</summary>
        public Task<bool> OrderAsync(bool viaGateway) =>
            SendAsync(Http, HttpMethod.Post, "api/v3/order", "symbol=ORCL&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=1", viaGateway);

        public Task<bool> RefusedOrderAsync() =>
            SendAsync(Http, HttpMethod.Post, "api/v3/order", "symbol=ORCL&side=BUY&type=LIMIT&timeInForce=GTC&quantity=100000&price=100", viaGateway: true, expect: HttpStatusCode.BadRequest);

        public Task<bool> AccountAsync(HttpClient client) => SendAsync(client, HttpMethod.Get, "api/v3/account", "", viaGateway: true);

        public async Task<bool> PriceAsync()
        {
            using var response = await Http.GetAsync(new Uri(gatewayAddress, "api/v3/ticker/price?symbol=ORCL"));
            return response.StatusCode == HttpStatusCode.OK;
        }

        private static long nonce;

        private async Task<bool> SendAsync(HttpClient client, HttpMethod method, string path, string parameters, bool viaGateway, HttpStatusCode expect = HttpStatusCode.OK)
        {
            // A distinct recvWindow per request keeps two requests in the same millisecond from having the same signature.
            var window = 50_000 + (Interlocked.Increment(ref nonce) % 10_000);
            var query = (parameters.Length > 0 ? parameters + "&" : "") + $"recvWindow={window}&timestamp={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
            var signature = RequestSigner.Sign(viaGateway ? botSecret : exchangeKey.ApiSecret, query);
            using var request = new HttpRequestMessage(method, new Uri(viaGateway ? gatewayAddress : sandbox.BaseAddress, path + "?" + query + "&signature=" + signature));
            request.Headers.Add("X-MBX-APIKEY", viaGateway ? botKey : exchangeKey.ApiKey);
            try
            {
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                return response.StatusCode == expect;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
            await sandbox.DisposeAsync();
            Http.Dispose();
            auditWriter?.Dispose();
            if (audit is not null)
            {
                Console.WriteLine($"audit: {AuditReader.Read(audit.DatabasePath, AuditQuery.All).Count()} records committed, chain intact: {AuditVerifier.Verify(AuditPaths.InFolder(folder.Path), vault).IsIntact}");
            }

            audit?.Dispose();
            folder.Dispose();
        }
    }

    private sealed class CountingAudit : IAuditLog
    {
        private long count;

        public void Record(AuditEvent auditEvent) => Interlocked.Increment(ref count);
    }
}
