using Tradeguard.Exchange.Binance;
using Tradeguard.Gateway.Rest;
using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests.Limits;

/// <summary>
/// No client spends the exchange's request weight for everyone: requests without a key get at most half of
/// <c>weightLimitPerMinute</c>, each bot 2/5 of it divided by the bots; beyond that the gateway answers 429 -1003 itself.
/// </summary>
public sealed class WeightShareTests
{
    // Fixed UTC minutes, as Binance counts: start with 10 s of the minute left at least, so the test (about 1 s of
    // requests) does not straddle two. A start in the last 20 s used to wait up to 20 s of the suite's time.
    private static async Task EarlyInAMinuteAsync()
    {
        for (var i = 0; i < 100 && DateTimeOffset.UtcNow.Second > 50; i++)
        {
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task PublicFlood_StopsAtItsShare_AndBotsKeepTrading()
    {
        // Limit 200: public share 100; bot share 200 × 2/5 ÷ 2 bots = 40, two account reads (weight 20 each).
        await using var h = await GatewayHarness.StartAsync(settings: "\n  \"weightLimitPerMinute\": 200,");
        await EarlyInAMinuteAsync();

        var pings = new List<Answer>();
        for (var i = 0; i < 101; i++)
        {
            pings.Add(await h.SendAsync(HttpMethod.Get, "/api/v3/ping", "", null, null));
        }

        Assert.All(pings.Take(100), p => Assert.Equal(200, p.Status));
        var over = pings[100];
        Assert.Equal((429, -1003), (over.Status, over.Code));
        Assert.StartsWith("Tradeguard gateway: requests without a key used their share of the exchange's request weight (100 per minute); retry in ", over.Message, StringComparison.Ordinal);
        Assert.Equal(100, h.Upstream.Sent.Count(s => s.Uri.EndsWith("/api/v3/ping", StringComparison.Ordinal)));

        Task<Answer> Account(string bot) => h.SignedAsync(bot, HttpMethod.Get, "/api/v3/account", []);
        Assert.Equal(200, (await Account("momentum")).Status);
        Assert.Equal(200, (await Account("momentum")).Status);
        var third = await Account("momentum");
        Assert.Equal((429, -1003), (third.Status, third.Code));
        Assert.StartsWith("Tradeguard gateway: bot momentum used their share of the exchange's request weight (40 per minute)", third.Message, StringComparison.Ordinal);
        Assert.Equal(200, (await Account("meanrev")).Status); // momentum's share is its own
        Assert.Equal(200, (await h.OrderAsync("meanrev", "BUY", "LIMIT", 1, 1)).Status);
    }

    [Theory]
    // Weights as binance-spot-api-docs rest-api.md gives them for each endpoint ("Weight").
    [InlineData("/api/v3/depth", "symbol=ORCL", 5)]
    [InlineData("/api/v3/depth", "symbol=ORCL&limit=500", 25)]
    [InlineData("/api/v3/depth", "symbol=ORCL&limit=5000", 250)]
    [InlineData("/api/v3/ticker/price", "", 4)]
    [InlineData("/api/v3/ticker/price", "symbol=ORCL", 2)]
    [InlineData("/api/v3/exchangeInfo", "", 20)]
    public void PublicWeights_AreBinances(string path, string query, int weight) =>
        Assert.Equal(weight, EndpointWeights.Public(path, BinanceRequest.Parse(query, "")));
}
