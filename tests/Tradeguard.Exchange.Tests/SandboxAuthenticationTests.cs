using System.Globalization;
using System.Net;
using System.Text.Json;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Signing;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;

namespace Tradeguard.Exchange.Tests;

/// <summary>The sandbox checks signed requests as Binance does, with Binance's codes and messages (errors.md, binance-spot-api-docs).</summary>
public sealed class SandboxAuthenticationTests
{
    [Fact]
    public async Task TamperedSignature_IsRefusedWith1022()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Market.Advance();
        var query = Signed(sandbox, $"symbol=ORCL&side=BUY&type=MARKET&quantity=1&timestamp={Now()}");
        var tampered = query.Replace("quantity=1", "quantity=9", StringComparison.Ordinal);

        var (status, code, message) = await Send(sandbox, HttpMethod.Post, "/api/v3/order", tampered);

        Assert.Equal((400, -1022, "Signature for this request is not valid."), (status, code, message));
        Assert.Empty(sandbox.Market.OpenOrders());
    }

    [Fact]
    public async Task StaleTimestamp_IsRefusedWith1021()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var query = Signed(sandbox, $"recvWindow=5000&timestamp={Now() - 10_000}");

        var result = await Send(sandbox, HttpMethod.Get, "/api/v3/account", query);

        Assert.Equal((400, -1021, "Timestamp for this request is outside of the recvWindow."), result);
    }

    [Fact]
    public async Task TimestampASecondAhead_IsRefusedWith1021()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var query = Signed(sandbox, $"timestamp={Now() + 5_000}");

        var result = await Send(sandbox, HttpMethod.Get, "/api/v3/account", query);

        Assert.Equal((400, -1021, "Timestamp for this request was 1000ms ahead of the server's time."), result);
    }

    [Fact]
    public async Task UnknownApiKey_IsRefusedWith2015()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var query = Signed(sandbox, $"timestamp={Now()}");

        var result = await Send(sandbox, HttpMethod.Get, "/api/v3/account", query, apiKey: new string('A', 64));

        Assert.Equal((401, -2015, "Invalid API-key, IP, or permissions for action."), result);
    }

    [Fact]
    public async Task SignatureOverQueryAndBody_IsAcceptedAsBinanceDefinesIt()
    {
        // Binance's rule: totalParams = query string immediately followed by the body (no '&' between).
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Market.Advance();
        var query = "symbol=ORCL&side=BUY&type=LIMIT&timeInForce=GTC";
        var body = $"quantity=1&price=30&recvWindow=5000&timestamp={Now()}";
        var signature = RequestSigner.Sign(sandbox.Key.ApiSecret, query + body);
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/order?" + query)
        {
            Content = new StringContent(body + "&signature=" + signature, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-MBX-APIKEY", sandbox.Key.ApiKey);

        using var response = await http.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("NEW", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("30.00000000", doc.RootElement.GetProperty("price").GetString());
    }

    [Fact]
    public async Task ClientWithoutClockSync_MeasuresAgainOn1021AndSucceeds()
    {
        // The server's clock runs 30 s behind: the client's first timestamp is "ahead", it re-measures and re-signs.
        await using var sandbox = await SandboxHarness.StartAsync(serverTime: new ShiftedTime(TimeSpan.FromSeconds(-30)));

        var account = await sandbox.Client.GetAccountAsync();

        Assert.Equal(1000m, account.Free("USD"));
        Assert.InRange(sandbox.Client.Clock.OffsetMs, -32_000, -28_000);
        Assert.Contains(sandbox.Log.Lines, l => l.Contains("-1021", StringComparison.Ordinal) && l.Contains("measured again", StringComparison.Ordinal));
        sandbox.AssertLogsHoldNoSecret();
    }

    [Fact]
    public async Task PythonBot_SigningItsOwnRequests_CanTradeOnTheSandbox()
    {
        // Interop: a client written only from Binance's docs with Python's hmac/hashlib/urllib (Debian python3).
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Market.Advance();
        const string script = """
            import hashlib, hmac, json, sys, time, urllib.parse, urllib.request
            base, key, secret = sys.stdin.read().split()
            def call(method, path, params):
                params["timestamp"] = int(time.time() * 1000)
                query = urllib.parse.urlencode(params)
                sig = hmac.new(secret.encode(), query.encode(), hashlib.sha256).hexdigest()
                data = (query + "&signature=" + sig).encode() if method == "POST" else None
                url = base + path + ("" if data else "?" + query + "&signature=" + sig)
                req = urllib.request.Request(url, data=data, method=method, headers={"X-MBX-APIKEY": key})
                return json.load(urllib.request.urlopen(req))
            order = call("POST", "api/v3/order", {"symbol": "ORCL", "side": "BUY", "type": "MARKET", "quantity": "3"})
            account = call("GET", "api/v3/account", {"recvWindow": 5000})
            print(order["status"], order["origQty"], [b["free"] for b in account["balances"] if b["asset"] == "USD"][0])
            """;

        var output = Python.Run(script, $"{sandbox.Server.BaseAddress} {sandbox.Key.ApiKey} {sandbox.Key.ApiSecret.Reveal()}");

        Assert.Equal("NEW 3.00000000 1000.00000000", output.Trim());
        Assert.Single(sandbox.Market.OpenOrders());
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static string Signed(SandboxHarness sandbox, string query) =>
        query + "&signature=" + RequestSigner.Sign(sandbox.Key.ApiSecret, query);

    private static async Task<(int Status, int Code, string Message)> Send(SandboxHarness sandbox, HttpMethod method, string path, string query,
        string? apiKey = null)
    {
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };
        using var request = method == HttpMethod.Post
            ? new HttpRequestMessage(method, path) { Content = new StringContent(query, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") }
            : new HttpRequestMessage(method, path + "?" + query);
        request.Headers.Add("X-MBX-APIKEY", apiKey ?? sandbox.Key.ApiKey);
        using var response = await http.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, doc.RootElement.GetProperty("code").GetInt32(), doc.RootElement.GetProperty("msg").GetString()!);
    }
}
