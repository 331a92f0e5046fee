using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests.Limits;

/// <summary>After the exchange answers 429, the gateway sends it nothing until Retry-After has passed, for every bot and every endpoint.</summary>
public sealed class BackoffTests
{
    [Fact]
    public async Task After429_NothingIsForwardedUntilRetryAfter_AndBotsAreAnswered429Locally()
    {
        // The sandbox's Retry-After runs to the end of its weight minute: start with at least 15 s of that minute left.
        for (var i = 0; i < 40 && DateTime.UtcNow.Second > 45; i++)
        {
            await Task.Delay(500);
        }

        await using var h = await GatewayHarness.StartAsync(sandboxWeightLimit: 60);
        Answer? first429 = null;
        for (var i = 0; i < 200 && first429 is null; i++)
        {
            var ping = await h.SendAsync(HttpMethod.Get, "/api/v3/ping", "", null, null);
            first429 = ping.Status == 429 ? ping : null;
        }

        Assert.NotNull(first429);
        Assert.Equal(-1003, first429.Code); // the sandbox's own 429, passed on
        var sentAt429 = h.Upstream.Sent.Count;

        var ping2 = await h.SendAsync(HttpMethod.Get, "/api/v3/ping", "", null, null);
        var account = await h.SignedAsync("meanrev", HttpMethod.Get, "/api/v3/account", []);
        var order = await h.OrderAsync("momentum", "BUY", "LIMIT", 1, Math.Round(h.LastClose / 2, 2));

        foreach (var held in new[] { ping2, account, order })
        {
            Assert.Equal((429, -1003), (held.Status, held.Code));
            Assert.StartsWith("Tradeguard gateway: the exchange asked to back off; no request is sent to it for ", held.Message, StringComparison.Ordinal);
        }

        Assert.Equal(sentAt429, h.Upstream.Sent.Count);
        Assert.Equal(0m, h.Desk.LedgerOf("momentum").Exposure("ORCL").WorkingBuys); // the held order was not placed: nothing reserved
    }
}
