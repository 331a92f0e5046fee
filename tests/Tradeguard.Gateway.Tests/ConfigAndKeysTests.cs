using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Binance;
using Tradeguard.Gateway.Config;
using Tradeguard.Gateway.Keys;
using Tradeguard.TestSupport;

namespace Tradeguard.Gateway.Tests;

public sealed class ConfigAndKeysTests
{
    private const string Bot = """{ "name": "momentum", "symbols": ["BTCUSDT"], "maxOrderNotional": 100, "maxPosition": 1, "maxDailyLoss": 50 }""";

    [Theory]
    [InlineData("\"listen\": \"0.0.0.0:8780\"", "\"listen\"")]
    [InlineData("\"baseUrl\": \"http://api.binance.com/\"", "\"baseUrl\" is refused")]
    [InlineData("\"mode\": \"yolo\"", "\"mode\"")]
    [InlineData("\"exchange\": \"a b\"", "\"exchange\"")]
    [InlineData("\"maxRequestBodyBytes\": 10", "\"maxRequestBodyBytes\"")]
    [InlineData("\"weightLimitPerMinute\": 99", "\"weightLimitPerMinute\" must be 100 to 1000000")]
    [InlineData("\"bots\": []", "\"bots\"")]
    [InlineData("\"bots\": [{ \"name\": \"Momentum\", \"symbols\": [\"X\"] }]", "\"bots[0].name\"")]
    [InlineData("\"bots\": [{ \"name\": \"m\", \"symbols\": [\"X\"], \"maxPosition\": 1, \"maxDailyLoss\": 1 }]", "\"bots[0].maxOrderNotional\" is required")]
    [InlineData("\"bots\": [{ \"name\": \"m\", \"symbols\": [\"X\"], \"orderTypes\": [\"OCO\"], \"maxOrderNotional\": 1, \"maxPosition\": 1, \"maxDailyLoss\": 1 }]", "\"bots[0].orderTypes\"")]
    [InlineData("\"bots\": [{ \"name\": \"m\", \"symbols\": [\"X\"], \"maxOrderNotional\": -1, \"maxPosition\": 1, \"maxDailyLoss\": 1 }]", "\"bots[0].maxOrderNotional\" must be above 0")]
    [InlineData("\"bots\": [{ \"name\": \"m\", \"symbols\": [\"X\"], \"maxOrderNotional\": 1, \"maxPosition\": 1, \"maxDailyLoss\": 1, \"maxOrdersPerMinute\": 0 }]", "\"bots[0].maxOrdersPerMinute\"")]
    [InlineData("\"maxLoss\": 5", "unknown setting at maxLoss")]
    public void BadSetting_IsExit5_NamingTheSetting(string setting, string named)
    {
        var json = setting.StartsWith("\"bots\"", StringComparison.Ordinal) ? $"{{ {setting} }}" : $"{{ {setting}, \"bots\": [{Bot}] }}";
        var e = Assert.Throws<TradeguardException>(() => GatewayConfig.Parse(json, "gateway.json"));
        Assert.Equal(ExitCode.Configuration, e.ExitCode);
        Assert.StartsWith("gateway.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GoodConfig_GivesTheBotsBaseUrlAndNames()
    {
        var config = GatewayConfig.Parse($$"""{ "listen": "127.0.0.1:8781", "baseUrl": "https://api.binance.com/", "mode": "live", "bots": [{{Bot}}] }""", "g.json");
        Assert.Equal(new Uri("http://127.0.0.1:8781/"), config.BotBaseUrl);
        Assert.Equal(["momentum"], config.BotNames);
        Assert.Equal(["MARKET", "LIMIT"], config.PolicyOf("momentum")!.OrderTypes);
        Assert.Equal("/run/tg/gw.sock", GatewayConfig.Parse($$"""{ "listen": "unix:/run/tg/gw.sock", "bots": [{{Bot}}] }""", "g.json").ListenAddress.SocketPath);
    }

    [Theory]
    [InlineData("momentum", true)]
    [InlineData("m", true)]
    [InlineData("mean-rev_2", true)]
    [InlineData("a23456789012345678901234567890123", false)]
    [InlineData("Momentum", false)]
    [InlineData("1bot", false)]
    [InlineData("bot.x", false)]
    [InlineData("", false)]
    public void BotNameRule(string name, bool valid) => Assert.Equal(valid, BotName.IsValid(name));

    [Fact]
    public void Keys_AreCreatedListedReadAndRevoked_InTheVault()
    {
        var vault = new InMemorySecretStore();
        var keys = new BotKeyStore(vault);
        using var created = keys.Create("momentum");
        Assert.Matches("^[A-Za-z0-9]{64}$", created.ApiKey);
        Assert.Matches("^[A-Za-z0-9]{64}$", created.ApiSecret.Reveal());
        Assert.NotEqual(created.ApiKey, created.ApiSecret.Reveal());
        Assert.DoesNotContain(created.ApiKey, created.ToString(), StringComparison.Ordinal);
        Assert.Equal(["vault://bot-momentum/api_key", "vault://bot-momentum/api_secret"], vault.List().Select(r => r.ToString()).ToArray());
        Assert.Equal(ExitCode.Configuration, Assert.Throws<TradeguardException>(() => keys.Create("momentum")).ExitCode);
        Assert.Equal(ExitCode.Usage, Assert.Throws<TradeguardException>(() => keys.Create("Bad Name")).ExitCode);
        Assert.Equal(["momentum"], keys.List());
        using (var read = keys.Read("momentum"))
        {
            Assert.Equal(created.ApiKey, read.ApiKey);
            Assert.True(read.ApiSecret.Equals(created.ApiSecret));
        }

        Assert.True(keys.Revoke("momentum"));
        Assert.False(keys.Revoke("momentum"));
        Assert.Empty(keys.List());
        Assert.Equal(ExitCode.Configuration, Assert.Throws<TradeguardException>(() => keys.Read("momentum")).ExitCode);
    }

    [Fact]
    public void ReplayCache_IsBounded_AndForgetsOnlyExpiredSignatures()
    {
        var cache = new ReplayCache(capacity: 2);
        Assert.Equal(ReplayCache.Result.Fresh, cache.TryAdd("a", expiresAtMs: 100, nowMs: 0));
        Assert.Equal(ReplayCache.Result.Replayed, cache.TryAdd("A", expiresAtMs: 100, nowMs: 50));
        Assert.Equal(ReplayCache.Result.Fresh, cache.TryAdd("b", expiresAtMs: 200, nowMs: 50));
        Assert.Equal(ReplayCache.Result.Full, cache.TryAdd("c", expiresAtMs: 200, nowMs: 60));
        Assert.Equal(ReplayCache.Result.Fresh, cache.TryAdd("c", expiresAtMs: 300, nowMs: 101));
        Assert.Equal(2, cache.Count);
    }

    /// <summary>Binance's published example (rest-api.md, "SIGNED Endpoint Examples for POST /api/v3/order"): query and body concatenated.</summary>
    [Fact]
    public void RequestCheck_VerifiesBinancesPublishedMixedQueryAndBodyExample()
    {
        using var secret = Core.Secrets.Secret.FromString("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
        var request = BinanceRequest.Parse("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
            "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
        Assert.Null(BinanceRequestCheck.Check(secret, request, 1499827319559 + 10).Error);
        Assert.Equal(-1021, BinanceRequestCheck.Check(secret, request, 1499827319559 + 6000).Error!.Code);
    }
}
