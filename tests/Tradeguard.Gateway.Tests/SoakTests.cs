using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests;

/// <summary>The CI-sized soak (bench/gateway/run-load.sh runs the long one): traffic that grows no exchange state leaves the heap flat.</summary>
public sealed class SoakTests
{
    [Fact]
    public async Task ThousandsOfSignedReadsAndRefusals_LeaveTheHeapFlat()
    {
        await using var h = await GatewayHarness.StartAsync();
        async Task RoundAsync(int count)
        {
            for (var i = 0; i < count; i += 20)
            {
                await Task.WhenAll(Enumerable.Range(0, 20).Select(j => j % 2 == 0
                    ? h.SignedAsync("momentum", HttpMethod.Get, "/api/v3/account", [("nonce", (i + j).ToString(System.Globalization.CultureInfo.InvariantCulture))])
                    : h.OrderAsync("meanrev", "BUY", "LIMIT", 1000, 100)));
            }
        }

        await RoundAsync(600);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await RoundAsync(3000);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        // The harness itself keeps every answer and audit record (about 1 KB a request) for its secret grep.
        var kept = 3000 * 2048L;
        Assert.True(after - before < kept + (4 << 20), $"heap grew {(after - before) / 1024} KB over 3,000 requests");
    }
}
