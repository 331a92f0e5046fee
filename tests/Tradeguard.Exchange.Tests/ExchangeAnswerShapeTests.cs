using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Signing;
using Tradeguard.Exchange.Tests.Support;

namespace Tradeguard.Exchange.Tests;

/// <summary>An exchange (or something else at the base URL) that answers 200 with a body that is not the expected JSON.</summary>
public sealed class ExchangeAnswerShapeTests
{
    [Theory]
    [InlineData("<html><body>Welcome to nginx!</body></html>")]
    [InlineData("")]
    [InlineData("""{"serverTime":1.5}""")]
    [InlineData("[1,2,3]")]
    public async Task A200WithABodyThatIsNotTheExpectedJson_IsAnExchangeError_Exit6(string body)
    {
        using var server = new ScriptedServer(new ScriptedResponse(200, body));
        using var credentials = ApiCredentials.From(Secret.FromString("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"),
            Secret.FromString("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"));
        using var client = BinanceSpotClient.Create(credentials, new ExchangeClientOptions { BaseAddress = server.BaseAddress });

        var error = await Assert.ThrowsAsync<ExchangeApiException>(() => client.GetServerTimeAsync());

        Assert.Equal(ExitCode.ExternalService, error.ExitCode);
        Assert.Equal("GET /api/v3/time: the exchange answered 200 with a body that is not the expected JSON (is the base URL a Binance-compatible API?)", error.Message);
    }

    [Fact]
    public async Task KlinesOfTheWrongShape_AreAnExchangeError_NotACrash()
    {
        using var server = new ScriptedServer(new ScriptedResponse(200, """[[1, "1.0"]]"""));
        using var credentials = ApiCredentials.From(Secret.FromString("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"), Secret.FromString("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"));
        using var client = BinanceSpotClient.Create(credentials, new ExchangeClientOptions { BaseAddress = server.BaseAddress });

        var error = await Assert.ThrowsAsync<ExchangeApiException>(() => client.GetKlinesAsync("ORCL", "1d", null, null, 10));

        Assert.StartsWith("GET /api/v3/klines: the exchange answered 200 with a body that is not the expected JSON", error.Message, StringComparison.Ordinal);
    }
}
