using System.Text.Json;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Signing;

namespace Tradeguard.Exchange.Tests;

/// <summary>
/// Known answers from Binance's Spot API docs (binance/binance-spot-api-docs, rest-api.md at commit a5e0bc3,
/// "SIGNED Endpoint Examples for POST /api/v3/order — HMAC Keys"), via Vectors/exchange_signing.json.
/// </summary>
public sealed class SigningTests
{
    private const string DocSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    [Fact]
    public void BinanceDocExample_SignsToThePublishedSignature()
    {
        using var secret = Secret.FromString(DocSecret);
        var signature = RequestSigner.Sign(secret,
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
        Assert.Equal("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", signature);
    }

    public static TheoryData<string, string> Vectors()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "exchange_signing.json")));
        var data = new TheoryData<string, string>();
        foreach (var v in doc.RootElement.GetProperty("binance_hmac_sha256").GetProperty("vectors").EnumerateArray())
        {
            data.Add(v.GetProperty("payload").GetString()!, v.GetProperty("signature").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void VectorsFile_EveryPayloadSignsToItsSignature(string payload, string expected)
    {
        using var secret = Secret.FromString(DocSecret);
        Assert.Equal(expected, RequestSigner.Sign(secret, payload));
        Assert.True(RequestSigner.Verify(secret, payload, expected.ToUpperInvariant())); // HMAC hex is case-insensitive
    }

    [Fact]
    public void QueryString_PercentEncodesNonAsciiSymbolAsTheVectorDoes()
    {
        var query = QueryString.Build([new("symbol", "１２３４５６"), new("side", "BUY"), new("type", "LIMIT"), new("timeInForce", "GTC"),
            new("quantity", "1"), new("price", "0.1"), new("recvWindow", "5000"), new("timestamp", "1499827319559")]);
        Assert.Equal("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559", query);
        using var secret = Secret.FromString(DocSecret);
        Assert.Equal("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3", RequestSigner.Sign(secret, query));
    }

    [Theory]
    [InlineData("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b72")] // last digit changed
    [InlineData("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b7")] // one short
    [InlineData("zzdb56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")] // not hex
    [InlineData("")]
    public void Verify_RefusesAnyOtherSignature(string signature)
    {
        using var secret = Secret.FromString(DocSecret);
        Assert.False(RequestSigner.Verify(secret,
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559", signature));
    }

    [Fact]
    public void Credentials_ShowOnlyTheMaskedKey()
    {
        using var credentials = ApiCredentials.From(Secret.FromString("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"), Secret.FromString(DocSecret));
        Assert.Equal("API key vmPU…Eh8A", credentials.ToString());
        Assert.Equal("[redacted]", credentials.ApiSecret.ToString());
    }
}
