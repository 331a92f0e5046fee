using BenchmarkDotNet.Attributes;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Signing;

namespace Tradeguard.Benchmarks;

/// <summary>Request signing and the sandbox's signature check (Binance's documented example payload).</summary>
[MemoryDiagnoser]
public class ExchangeBenchmarks
{
    private const string Payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    private const string Signature = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
    private readonly Secret secret = Secret.FromString("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");

    [Benchmark]
    public string Sign() => RequestSigner.Sign(secret, Payload);

    [Benchmark]
    public bool Verify() => RequestSigner.Verify(secret, Payload, Signature);

    [Benchmark]
    public string BuildQuery() => QueryString.Build([new("symbol", "LTCBTC"), new("side", "BUY"), new("type", "LIMIT"), new("timeInForce", "GTC"),
        new("quantity", "1"), new("price", "0.1"), new("recvWindow", "5000"), new("timestamp", "1499827319559")]);
}
