using Microsoft.AspNetCore.Http;

namespace Tradeguard.Exchange.Binance;

/// <summary>A Binance-shaped error answer: <c>{"code": Code, "msg": Message}</c> and HTTP <paramref name="HttpStatus"/>.</summary>
/// <param name="Code">Binance error code.</param>
/// <param name="HttpStatus">HTTP status.</param>
/// <param name="Message">Binance's message text.</param>
public sealed record BinanceError(int Code, int HttpStatus, string Message)
{
    /// <summary>The answer: <c>{"code": Code, "msg": Message}</c> with <see cref="HttpStatus"/>.</summary>
    public IResult ToResult() => BinanceJson.Result(Body, HttpStatus);

    /// <summary>The answer's body: <c>{"code": Code, "msg": Message}</c>.</summary>
    public byte[] ToBytes() => BinanceJson.Bytes(Body);

    private Dictionary<string, object> Body => new() { ["code"] = Code, ["msg"] = Message };
}
