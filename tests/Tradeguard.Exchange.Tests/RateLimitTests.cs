using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Models;
using Tradeguard.Exchange.RateLimits;
using Tradeguard.Exchange.Signing;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.Trading.Broker;

namespace Tradeguard.Exchange.Tests;

/// <summary>429, 418, used weight and retries, against a scripted server on 127.0.0.1.</summary>
public sealed class RateLimitTests
{
    private const string Secret64 = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private const string Key64 = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    [Fact]
    public async Task TooManyRequests_WaitsRetryAfterThenSucceeds()
    {
        using var server = new ScriptedServer(
            new ScriptedResponse(429, """{"code":-1003,"msg":"Too many requests."}""", ("Retry-After", "1")),
            new ScriptedResponse(200, """{"serverTime":1499827319559}""", ("X-MBX-USED-WEIGHT-1M", "7")));
        var log = new LogCapture();
        using var credentials = Credentials();
        using var client = BinanceSpotClient.Create(credentials, new ExchangeClientOptions { BaseAddress = server.BaseAddress }, log);
        var watch = Stopwatch.StartNew();

        var time = await client.GetServerTimeAsync();

        Assert.Equal(1499827319559, time);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {watch.Elapsed}");
        Assert.Equal(["GET /api/v3/time", "GET /api/v3/time"], server.Requests.ToArray());
        Assert.Equal(7, client.RateLimits.UsedWeight);
        Assert.Contains(log.Lines, l => l.Contains("429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Banned418_StopsAndSendsNothingMoreUntilTheBanEnds()
    {
        using var server = new ScriptedServer(new ScriptedResponse(418, """{"code":-1003,"msg":"Way too many requests; IP banned."}""", ("Retry-After", "120")));
        var log = new LogCapture();
        using var credentials = Credentials();
        using var client = BinanceSpotClient.Create(credentials, new ExchangeClientOptions { BaseAddress = server.BaseAddress }, log);

        var first = await Assert.ThrowsAsync<ExchangeBannedException>(() => client.GetAccountAsync());
        var second = await Assert.ThrowsAsync<ExchangeBannedException>(() => client.PlaceOrderAsync(new NewOrder("LTCBTC", OrderSide.Buy, OrderType.Market, 1)));

        Assert.Equal(ExitCode.ExternalService, first.ExitCode);
        Assert.InRange((first.Until - DateTimeOffset.UtcNow).TotalSeconds, 100, 121);
        Assert.Equal(first.Until, second.Until);
        Assert.Equal(["GET /api/v3/account"], server.Requests.ToArray());
        Assert.Contains(log.Lines, l => l.StartsWith("Critical:", StringComparison.Ordinal) && l.Contains("418", StringComparison.Ordinal));
        AssertNoSecret(log);
    }

    [Fact]
    public async Task Repeated429_GivesUpWithExit6AfterTheAllowedWaits()
    {
        using var server = new ScriptedServer(new ScriptedResponse(429, """{"code":-1003,"msg":"Too many requests."}""", ("Retry-After", "0")));
        using var credentials = Credentials();
        using var client = BinanceSpotClient.Create(credentials, new ExchangeClientOptions { BaseAddress = server.BaseAddress, MaxRateLimitRetries = 2 });

        var error = await Assert.ThrowsAsync<ExchangeApiException>(() => client.GetServerTimeAsync());

        Assert.Equal(-1003, error.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ServerError_RetriesReadsButNeverAnOrder()
    {
        using var server = new ScriptedServer(new ScriptedResponse(503, """{"code":-1001,"msg":"Internal error; unable to process your request. Please try again."}"""));
        using var credentials = Credentials();
        using var client = BinanceSpotClient.Create(credentials, new ExchangeClientOptions { BaseAddress = server.BaseAddress, MaxTransientRetries = 2 });

        var read = await Assert.ThrowsAsync<ExchangeApiException>(() => client.GetServerTimeAsync());
        var readCount = server.Requests.Count;
        var order = await Assert.ThrowsAsync<ExchangeApiException>(() => client.PlaceOrderAsync(new NewOrder("LTCBTC", OrderSide.Buy, OrderType.Market, 1)));

        Assert.Equal(3, readCount);
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(-1001, read.Code);
        Assert.Contains("outcome is unknown", order.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsedWeightNearTheLimit_WaitsForTheNextMinute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 40, TimeSpan.Zero));
        var gate = new RateLimitGate(weightLimitPerMinute: 6000, slowDownAt: 0.8, time);
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add(RateLimitGate.UsedWeightHeader, "4800");
        gate.Observe(response);

        var turn = gate.WaitTurnAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(19));
        Assert.False(turn.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await turn.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, gate.SlowDowns);
        await gate.WaitTurnAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)); // below the limit: no wait
    }

    [Fact]
    public async Task UsedWeightBelowTheLimit_DoesNotWait()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 40, TimeSpan.Zero));
        var gate = new RateLimitGate(6000, 0.8, time);
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add(RateLimitGate.UsedWeightHeader, "4799");
        gate.Observe(response);

        await gate.WaitTurnAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, gate.SlowDowns);
    }

    [Fact]
    public void PlainHttpToARealHost_IsRefusedWithExit5()
    {
        using var credentials = Credentials();
        var error = Assert.Throws<TradeguardException>(() =>
            BinanceSpotClient.Create(credentials, new ExchangeClientOptions { BaseAddress = new Uri("http://api.binance.com/") }));
        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.Contains("https://", error.Message, StringComparison.Ordinal);
    }

    private static ApiCredentials Credentials() => ApiCredentials.From(Secret.FromString(Key64), Secret.FromString(Secret64));

    private static void AssertNoSecret(LogCapture log)
    {
        Assert.DoesNotContain(Secret64, log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key64, log.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f]{64}", log.Text);
    }
}
