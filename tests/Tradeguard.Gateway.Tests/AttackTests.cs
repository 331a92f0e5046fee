using Tradeguard.Core.Audit;
using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests;

/// <summary>What a compromised or buggy bot can try against the gateway; each attempt is refused Binance-style and audited.</summary>
public sealed class AttackTests
{
    private static readonly (string, string)[] Account = [];

    [Fact]
    public async Task ForgedStaleReplayedAndUnknown_AreRefusedWithBinanceErrors_AndAudited()
    {
        await using var h = await GatewayHarness.StartAsync();

        var wrongSignature = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/account", Account, tamperSignature: s => (s[0] == 'a' ? "b" : "a") + s[1..]);
        Assert.Equal((400, -1022), (wrongSignature.Status, wrongSignature.Code));

        var otherBotsSecret = await h.SignedAsync("meanrev", HttpMethod.Get, "/api/v3/account", Account, apiKey: h.Bots["momentum"].ApiKey);
        Assert.Equal((400, -1022), (otherBotsSecret.Status, otherBotsSecret.Code));

        var stale = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/account", Account, timestamp: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 120_000);
        Assert.Equal((400, -1021), (stale.Status, stale.Code));

        var ahead = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/account", Account, timestamp: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5_000);
        Assert.Equal((400, -1021), (ahead.Status, ahead.Code));

        var unknown = await h.SendAsync(HttpMethod.Get, "/api/v3/account", "timestamp=1&signature=00", null, new string('A', 64));
        Assert.Equal((401, -2015), (unknown.Status, unknown.Code));

        var noKey = await h.SendAsync(HttpMethod.Get, "/api/v3/account", "timestamp=1&signature=00", null, null);
        Assert.Equal((401, -2014), (noKey.Status, noKey.Code));

        // A replay: the same signed order twice. The first goes through, the copy is refused and never reaches the exchange.
        var query = "symbol=ORCL&side=BUY&type=MARKET&quantity=1&recvWindow=60000&timestamp=" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var secret = Core.Secrets.Secret.FromString(h.Bots["momentum"].Secret);
        var signedQuery = query + "&signature=" + Exchange.Signing.RequestSigner.Sign(secret, query);
        var first = await h.SendAsync(HttpMethod.Post, "/api/v3/order", signedQuery, null, h.Bots["momentum"].ApiKey);
        Assert.Equal(200, first.Status);
        var ordersUpstream = h.Upstream.Sent.Count(s => s.Method == "POST");
        var replay = await h.SendAsync(HttpMethod.Post, "/api/v3/order", signedQuery, null, h.Bots["momentum"].ApiKey);
        Assert.Equal((400, -1022), (replay.Status, replay.Code));
        Assert.Contains("replay", replay.Message, StringComparison.Ordinal);
        Assert.Equal(ordersUpstream, h.Upstream.Sent.Count(s => s.Method == "POST"));

        var refusals = h.Audit.Events.Where(e => e.Action == "gateway.auth" && e.Outcome == AuditOutcome.Denied).ToArray();
        Assert.Equal(7, refusals.Length);
        Assert.Contains(refusals, e => e.Actor == "bot:unknown" && e.Details!["code"] == "-2015");
        Assert.Contains(refusals, e => e.Actor == "bot:momentum" && e.Reason.Contains("replay", StringComparison.Ordinal));
        Assert.Contains(h.OutboxTexts(), t => t.StartsWith("[security] Gateway refused a bot's request (unknown key", StringComparison.Ordinal));
        h.AssertNoExchangeSecretAnywhere();
    }

    [Theory]
    [InlineData("POST", "/sapi/v1/capital/withdraw/apply", "coin=BTC&address=x&amount=1")]
    [InlineData("POST", "/sapi/v1/asset/transfer", "type=MAIN_UMFUTURE&asset=USDT&amount=1")]
    [InlineData("GET", "/sapi/v1/account/apiRestrictions", "")]
    [InlineData("POST", "/sapi/v1/sub-account/transfer/subToMaster", "asset=USDT&amount=1")]
    [InlineData("POST", "/sapi/v1/margin/order", "symbol=ORCL&side=BUY&type=MARKET&quantity=1")]
    [InlineData("POST", "/fapi/v1/order", "symbol=ORCL&side=BUY&type=MARKET&quantity=1")]
    [InlineData("PUT", "/api/v3/order", "symbol=ORCL")]
    public async Task EndpointOutsideAllowlist_Is403_AuditedAndSecurityAlerted_AndNeverForwarded(string method, string path, string parameters)
    {
        await using var h = await GatewayHarness.StartAsync();
        var answer = await h.SignedAsync("momentum", new HttpMethod(method), path,
            parameters.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => (p.Split('=')[0], p.Split('=')[1])));

        Assert.Equal((403, -2015), (answer.Status, answer.Code));
        Assert.Contains("trading allowlist", answer.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Upstream.Sent, s => s.Uri.Contains(path, StringComparison.Ordinal));
        var record = Assert.Single(h.Audit.Events, e => e.Action == "gateway.endpoint_refused");
        Assert.Equal((AuditOutcome.Denied, "bot:momentum", $"momentum: {method} {path}"), (record.Outcome, record.Actor, record.Target));
        Assert.Contains(h.OutboxTexts(), t => t.StartsWith($"[security] Gateway refused a bot's request outside the trading allowlist: momentum: {method} {path}", StringComparison.Ordinal));
        h.AssertNoExchangeSecretAnywhere();
    }

    [Fact]
    public async Task OrdersOverNotionalPositionOrRate_AreRefused_NamingTheLimit_AndAudited()
    {
        await using var h = await GatewayHarness.StartAsync(botsJson: """
            [ { "name": "momentum", "symbols": ["ORCL"], "maxOrderNotional": 1000, "maxPosition": 3, "maxOrdersPerMinute": 4, "maxDailyLoss": 500 },
              { "name": "meanrev", "symbols": ["ORCL"], "maxOrderNotional": 1000, "maxPosition": 20, "maxDailyLoss": 500 } ]
            """);
        var price = h.LastClose;
        var notional = await h.OrderAsync("momentum", "BUY", "LIMIT", 1, price * 1000 / price + 1); // 1 unit at 1001
        Assert.Equal((400, -2010), (notional.Status, notional.Code));
        Assert.Contains("maxOrderNotional 1000", notional.Message, StringComparison.Ordinal);

        var marketNotional = await h.OrderAsync("momentum", "BUY", "MARKET", Math.Ceiling(1001 / price));
        Assert.Contains("maxOrderNotional 1000", marketNotional.Message, StringComparison.Ordinal);

        var position = await h.OrderAsync("momentum", "BUY", "LIMIT", 4, Math.Round(price / 2, 2));
        Assert.Equal(-2010, position.Code);
        Assert.Contains("maxPosition 3", position.Message, StringComparison.Ordinal);

        var symbol = await h.SignedAsync("momentum", HttpMethod.Post, "/api/v3/order",
            [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "1")], inBody: true);
        Assert.Contains("symbol BTCUSDT is not in this bot's allowed symbols", symbol.Message, StringComparison.Ordinal);

        var type = await h.SignedAsync("momentum", HttpMethod.Post, "/api/v3/order",
            [("symbol", "ORCL"), ("side", "BUY"), ("type", "STOP_LOSS"), ("quantity", "1"), ("stopPrice", (price * 2).ToString(System.Globalization.CultureInfo.InvariantCulture))],
            inBody: true);
        Assert.Contains("order type STOP_LOSS is not in this bot's allowed order types", type.Message, StringComparison.Ordinal);

        var sell = await h.OrderAsync("momentum", "SELL", "MARKET", 1);
        Assert.Contains("more than this bot's position 0", sell.Message, StringComparison.Ordinal);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(200, (await h.OrderAsync("momentum", "BUY", "LIMIT", 0.5m, Math.Round(price / 2, 2))).Status);
        }

        var rate = await h.OrderAsync("momentum", "BUY", "LIMIT", 0.5m, Math.Round(price / 2, 2));
        Assert.Equal((429, -1015), (rate.Status, rate.Code));
        Assert.Equal("Too many new orders; current limit is 4 orders per MINUTE.", rate.Message);

        // Another bot is not held back by momentum's limits.
        Assert.Equal(200, (await h.OrderAsync("meanrev", "BUY", "LIMIT", 1, Math.Round(price / 2, 2))).Status);

        var refused = h.Audit.Events.Where(e => e.Action == "gateway.order" && e.Outcome == AuditOutcome.Denied).ToArray();
        Assert.Equal(7, refused.Length);
        Assert.All(refused, e => Assert.Equal("bot:momentum", e.Actor));
        Assert.Equal(5, h.Audit.Events.Count(e => e.Action == "gateway.order" && e.Outcome == AuditOutcome.Success));
        Assert.Contains(h.OutboxTexts(), t => t.StartsWith("[paper] Buy order refused by the gateway · ORCL · momentum", StringComparison.Ordinal));
        Assert.Equal(5, h.Upstream.Sent.Count(s => s.Method == "POST"));
        h.AssertNoExchangeSecretAnywhere();
    }

    [Fact]
    public async Task BotCannotSeeOrCancelAnotherBotsOrders()
    {
        await using var h = await GatewayHarness.StartAsync();
        var placed = await h.OrderAsync("meanrev", "BUY", "LIMIT", 1, Math.Round(h.LastClose / 2, 2));
        var orderId = placed.Json.GetProperty("orderId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var cancel = await h.SignedAsync("momentum", HttpMethod.Delete, "/api/v3/order", [("symbol", "ORCL"), ("orderId", orderId)]);
        Assert.Equal((400, -2011), (cancel.Status, cancel.Code));
        var query = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/order", [("symbol", "ORCL"), ("orderId", orderId)]);
        Assert.Equal(-2013, query.Code);
        var open = await h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/openOrders", [("symbol", "ORCL")]);
        Assert.Equal("[]", open.Body);
        var own = await h.SignedAsync("meanrev", HttpMethod.Get, "/api/v3/openOrders", [("symbol", "ORCL")]);
        Assert.Equal(1, own.Json.GetArrayLength());
        Assert.Contains(h.Audit.Events, e => e.Action == "gateway.cancel" && e.Outcome == AuditOutcome.Denied && e.Actor == "bot:momentum");
    }
}
