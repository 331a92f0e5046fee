using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Tradeguard.Alerts;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Alerts.Security;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Exchange.Signing;
using Tradeguard.Gateway.Config;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Hosting;
using Tradeguard.Gateway.Keys;
using Tradeguard.Gateway.Rest;
using Tradeguard.Gateway.State;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Config;

namespace Tradeguard.Gateway.Tests.Support;

/// <summary>
/// The real parts on loopback: the sandbox exchange (ORCL 2000, 30 bars closed) with its key in an in-memory vault,
/// and the gateway in front of it serving two bots, <c>momentum</c> and <c>meanrev</c>, whose keys were made by
/// <see cref="BotKeyStore"/>. Everything that could leak is kept: gateway logs, audit records, outbox texts, every
/// request that reached the sandbox, and every answer a test client read.
/// </summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    public const string Symbol = "ORCL";

    private readonly ConcurrentQueue<string> answers = new();
    private readonly TempFolder temp = new();

    private GatewayHarness()
    {
    }

    public ReplayMarket Market { get; private set; } = null!;

    public SandboxServer Sandbox { get; private set; } = null!;

    public SandboxKey ExchangeKey { get; private set; } = null!;

    public InMemorySecretStore Vault { get; } = new();

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public ControlBoard Board => App.Services.GetRequiredService<ControlBoard>();

    public OrderDesk Desk => App.Services.GetRequiredService<OrderDesk>();

    public GatewayConfig Config { get; private set; } = null!;

    public RecordingAuditLog Audit { get; } = new();

    public OutboxStore Outbox { get; private set; } = null!;

    public UpstreamRecorder Upstream { get; } = new();

    public LogCapture Logs { get; } = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Dictionary<string, (string ApiKey, string Secret)> Bots { get; } = [];

    public string Folder => temp.Path;

    /// <summary>The bots' ledger file, when the harness was started with one.</summary>
    public LedgerFile? Ledger { get; private set; }

    private Func<GatewayParts> partsFactory = null!;
    private bool adminSocketOn;

    /// <summary>
    /// Starts sandbox and gateway; <paramref name="tune"/> adjusts the gateway's parts (Kestrel limits);
    /// <paramref name="ledger"/> keeps the bots' ledgers in a file in the harness folder, as <c>gateway serve</c> does.
    /// </summary>
    /// <remarks><paramref name="sandboxFilters"/> replaces the sandbox's default symbol filters (10^-8 steps, no minimum);
    /// <paramref name="sandboxWeightLimit"/> its request weight per minute (default 6000); <paramref name="settings"/> adds
    /// top-level gateway settings (<c>"name": value,</c> lines).</remarks>
    public static async Task<GatewayHarness> StartAsync(Func<GatewayParts, GatewayParts>? tune = null, string? botsJson = null, bool adminSocket = false,
        bool ledger = false, Trading.Broker.Instrument? sandboxFilters = null, int? sandboxWeightLimit = null, string? settings = null)
    {
        var h = new GatewayHarness();
        var plan = RunConfigLoader.Load(RepoPaths.Samples("sma-cross-orcl.json"));
        h.Market = new ReplayMarket(plan.LoadBars(), "USD", 100_000m, plan.Engine.Commission, plan.Engine.Slippage);
        for (var i = 0; i < 30; i++)
        {
            h.Market.Advance();
        }

        h.ExchangeKey = SandboxKeyring.Create(h.Vault, "sandbox", withdrawals: false);
        h.Sandbox = await SandboxServer.StartAsync(h.Market, SandboxKeyring.Load(h.Vault),
            new SandboxOptions { Filters = sandboxFilters ?? new SandboxOptions().Filters, WeightLimitPerMinute = sandboxWeightLimit ?? new SandboxOptions().WeightLimitPerMinute });
        var keys = new BotKeyStore(h.Vault);
        foreach (var bot in new[] { "momentum", "meanrev" })
        {
            using var key = keys.Create(bot);
            h.Bots[bot] = (key.ApiKey, key.ApiSecret.Reveal());
        }

        var configPath = h.temp.Combine("gateway.json");
        var json = $$"""
            {
              "listen": "127.0.0.1:0",
              "adminSocket": "{{h.temp.Combine("admin.sock")}}",
              "baseUrl": "{{h.Sandbox.BaseAddress}}",
              "exchange": "sandbox",{{settings}}
              "bots": {{botsJson ?? DefaultBots}}
            }
            """;
        File.WriteAllText(configPath, json);
        h.Config = GatewayConfig.Parse(json, configPath);
        h.Outbox = OutboxStore.Open(h.temp.Combine("outbox.db"));
        AlertPublisher? publisher = null;
        var audit = new SecurityAlertingAuditLog(h.Audit, () => publisher);
        publisher = new AlertPublisher(h.Outbox, new ExposurePolicy(), new FixedRouting([new AlertRecipient("console", "stdout")]), [], audit);
        h.Ledger = ledger ? new LedgerFile(h.temp.Combine("ledger-paper.json")) : null;
        h.partsFactory = () => new GatewayParts
        {
            Config = h.Config,
            // Read afresh for each start: a stopped gateway zeroes the keys it was given.
            BotKeys = h.Config.BotNames.Select(keys.Read).ToArray(),
            ExchangeCredentials = ApiCredentials.Load(h.Vault, "sandbox"),
            Mode = TradingMode.Paper,
            Audit = audit,
            Alerts = publisher,
            Logging = h.Logs,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Debug,
            UpstreamHandler = h.Upstream,
            AdminToken = AdminToken.Renew(h.Vault),
            Ledger = h.Ledger,
        };
        if (tune is not null)
        {
            var plain = h.partsFactory;
            h.partsFactory = () => tune(plain());
        }

        h.adminSocketOn = adminSocket;
        await h.StartGatewayAsync();
        return h;
    }

    /// <summary>Stops the gateway gracefully and starts a new one with the same config, vault, sandbox and ledger file.</summary>
    public async Task RestartGatewayAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await StartGatewayAsync();
    }

    /// <summary>A fresh set of the gateway's parts, as the next start would get them.</summary>
    public GatewayParts NewParts() => partsFactory();

    private async Task StartGatewayAsync()
    {
        App = GatewayHost.Build(NewParts(), adminSocket: adminSocketOn);
        await App.StartAsync();
        BaseAddress = GatewayHost.BaseAddress(App);
    }

    public const string DefaultBots = """
        [
          { "name": "momentum", "symbols": ["ORCL"], "orderTypes": ["MARKET", "LIMIT"], "maxOrderNotional": 1000, "maxPosition": 20,
            "maxOrdersPerMinute": 30, "maxDailyLoss": 500 },
          { "name": "meanrev", "symbols": ["ORCL"], "maxOrderNotional": 1000, "maxPosition": 20, "maxDailyLoss": 500 }
        ]
        """;

    public string ExchangeSecret => ExchangeKey.ApiSecret.Reveal();

    /// <summary>Sends a request signed as <paramref name="bot"/> would sign it for Binance.</summary>
    public Task<Answer> SignedAsync(string bot, HttpMethod method, string path, IEnumerable<(string Name, string Value)> parameters, bool inBody = false,
        long? timestamp = null, Func<string, string>? tamperSignature = null, string? apiKey = null, int recvWindowMs = 60000)
    {
        // recvWindow by default the longest Binance allows: CI machines can be slow.
        var all = parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)).Append(new("recvWindow", recvWindowMs.ToString(CultureInfo.InvariantCulture)))
            .Append(new("timestamp", (timestamp ?? NextTimestamp()).ToString(CultureInfo.InvariantCulture)));
        var payload = QueryString.Build(all);
        using var secret = Secret.FromString(Bots[bot].Secret);
        var signature = RequestSigner.Sign(secret, payload);
        signature = tamperSignature?.Invoke(signature) ?? signature;
        var query = inBody ? "" : payload + "&signature=" + signature;
        var body = inBody ? payload + "&signature=" + signature : null;
        return SendAsync(method, path, query, body, apiKey ?? Bots[bot].ApiKey);
    }

    private long lastTimestamp;

    /// <summary>
    /// Now in Unix ms, but strictly after the previous request's: two identical orders signed in the same millisecond are
    /// byte-identical, so the gateway rightly refuses the second as a replay (a fast loop on a quiet machine did).
    /// </summary>
    private long NextTimestamp()
    {
        lock (answers)
        {
            lastTimestamp = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), lastTimestamp + 1);
            return lastTimestamp;
        }
    }

    /// <summary>Sends a prepared request (query without '?', optional form body, optional key header).</summary>
    public async Task<Answer> SendAsync(HttpMethod method, string path, string query, string? body, string? apiKey)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path.TrimStart('/') + (query.Length > 0 ? "?" + query : "")));
        if (apiKey is not null)
        {
            request.Headers.Add("X-MBX-APIKEY", apiKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        answers.Enqueue(text);
        return new Answer((int)response.StatusCode, text);
    }

    public Task<Answer> OrderAsync(string bot, string side, string type, decimal quantity, decimal? price = null) =>
        SignedAsync(bot, HttpMethod.Post, "/api/v3/order",
        [
            ("symbol", Symbol), ("side", side), ("type", type), ("quantity", quantity.ToString(CultureInfo.InvariantCulture)),
            .. price is { } p ? new[] { ("price", p.ToString(CultureInfo.InvariantCulture)), ("timeInForce", "GTC") } : [],
        ], inBody: true);

    /// <summary>The last closed bar's close: the price the sandbox fills market orders near.</summary>
    public decimal LastClose => Market.ClosedBars(null, 1)[0].Close;

    public IReadOnlyList<string> OutboxTexts() => Outbox.List(null, 1000).Select(m => m.Text ?? "").ToArray();

    /// <summary>Every place the exchange key or secret could have leaked to, as one text.</summary>
    public string EverythingObservable(params string[] more)
    {
        var files = Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".sock", StringComparison.Ordinal))
            .Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f)));
        var audit = Audit.Events.Select(e => JsonSerializer.Serialize(e));
        return string.Join('\n', answers.Concat(files).Concat(audit).Concat(OutboxTexts()).Append(Logs.Text).Concat(more));
    }

    public void AssertNoExchangeSecretAnywhere(params string[] more)
    {
        var all = EverythingObservable(more);
        Assert.DoesNotContain(ExchangeKey.ApiKey, all, StringComparison.Ordinal);
        Assert.DoesNotContain(ExchangeSecret, all, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
        Http.Dispose();
        temp.Dispose();
    }
}

public sealed record Answer(int Status, string Body)
{
    public int Code => JsonDocument.Parse(Body).RootElement.GetProperty("code").GetInt32();

    public string Message => JsonDocument.Parse(Body).RootElement.GetProperty("msg").GetString()!;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
