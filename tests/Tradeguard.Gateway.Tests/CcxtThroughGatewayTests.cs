using System.Text.Json;
using Tradeguard.Gateway.Tests.Support;
using Tradeguard.TestSupport;

namespace Tradeguard.Gateway.Tests;

/// <summary>An unmodified third-party Binance client (ccxt from npm, pinned) trades through the gateway against the sandbox.</summary>
public sealed class CcxtThroughGatewayTests
{
    [Fact]
    public async Task Ccxt_TradesThroughGateway_AndOnlyTheExchangeKeyReachesTheExchange()
    {
        var ccxt = Ccxt.Ensure();
        await using var h = await GatewayHarness.StartAsync();
        var (apiKey, secret) = h.Bots["momentum"];
        using var replay = new CancellationTokenSource();
        var bars = h.Market.ReplayAsync(barsPerSecond: 10, cancellationToken: replay.Token);
        var script = Path.Combine(AppContext.BaseDirectory, "Clients", "ccxt-trade.js");
        var result = await Task.Run(() => ChildProcess.Run("node", [script], env: new Dictionary<string, string?>
        {
            ["CCXT_DIR"] = ccxt,
            ["GATEWAY_URL"] = h.BaseAddress.ToString(),
            ["BOT_API_KEY"] = apiKey,
            ["BOT_API_SECRET"] = secret,
            ["SYMBOL"] = GatewayHarness.Symbol,
        }, timeout: TimeSpan.FromSeconds(90)));
        await replay.CancelAsync();
        await bars;

        // ccxt parsed every response: any unparsed or refused answer ends the script with exit 1 and the error.
        Assert.True(result.ExitCode == 0, result.AllOutput);
        using var parsed = JsonDocument.Parse(result.Stdout.Trim().Split('\n')[^1]);
        var r = parsed.RootElement;
        Assert.Contains("ORCL/USD", r.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("closed", r.GetProperty("market").GetProperty("status").GetString());
        Assert.Equal(1m, r.GetProperty("market").GetProperty("filled").GetDecimal());
        Assert.Equal("open", r.GetProperty("limit").GetProperty("status").GetString());
        Assert.Contains(r.GetProperty("limit").GetProperty("id").GetString(), r.GetProperty("open").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("canceled", r.GetProperty("cancelled").GetProperty("status").GetString());
        Assert.Equal(1m, r.GetProperty("balance").GetProperty("base").GetDecimal());
        Assert.True(r.GetProperty("balance").GetProperty("usd").GetDecimal() < 100_000m);
        Assert.Equal(2, r.GetProperty("orders").GetArrayLength());
        var trade = Assert.Single(r.GetProperty("trades").EnumerateArray());
        Assert.Equal(r.GetProperty("market").GetProperty("id").GetString(), trade.GetProperty("order").GetString());

        // What reached the sandbox: every signed request carried the sandbox key (and the sandbox accepted its signature),
        // and neither the bot's key nor its secret ever left the gateway.
        var sent = h.Upstream.Sent;
        var signed = sent.Where(s => s.Uri.Contains("signature=", StringComparison.Ordinal) || s.Body.Contains("signature=", StringComparison.Ordinal)).ToArray();
        Assert.True(signed.Length >= 8, $"expected the orders, cancel and reads upstream, got {signed.Length}");
        Assert.All(signed, s => Assert.Equal(h.ExchangeKey.ApiKey, s.ApiKey));
        Assert.All(sent, s =>
        {
            Assert.DoesNotContain(apiKey, s.All, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, s.All, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(h.Audit.Events, e => e.Action == "gateway.auth");

        // Audited and alerted: the order, the cancel, the fill.
        Assert.Contains(h.Audit.Events, e => e.Action == "gateway.order" && e.Actor == "bot:momentum" && e.Details!["side"] == "BUY");
        Assert.Contains(h.Audit.Events, e => e.Action == "gateway.cancel" && e.Outcome == Core.Audit.AuditOutcome.Success);
        Assert.Contains(h.Audit.Events, e => e.Action == "gateway.fill" && e.Target == "ORCL");
        Assert.Contains(h.OutboxTexts(), t => t.StartsWith("[paper] Buy order executed · ORCL · momentum", StringComparison.Ordinal));
        h.AssertNoExchangeSecretAnywhere(result.AllOutput);
    }
}
