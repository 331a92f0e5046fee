namespace Tradeguard.Gateway.Rest;

/// <summary>
/// The answer shape a bot asked for with <c>newOrderRespType</c> (binance-spot-api-docs rest-api.md, "New order
/// (TRADE)": <c>ACK</c>, <c>RESULT</c> or <c>FULL</c>; by default <c>FULL</c> for <c>MARKET</c> and <c>LIMIT</c>,
/// <c>ACK</c> for every other type). The gateway always asks the exchange for <c>FULL</c> (<see cref="OrderResponseTypes.ForwardFull"/>),
/// so it learns every order's status and fills whatever the bot asked, and gives the bot the shape it asked for
/// (<see cref="OrderResponseTypes.Shape"/>): bots written for Binance (ccxt, python-binance) keep working unchanged.
/// </summary>
public enum OrderResponseType
{
    /// <summary><c>symbol</c>, <c>orderId</c>, <c>orderListId</c>, <c>clientOrderId</c>, <c>transactTime</c> only.</summary>
    Ack,

    /// <summary>The order object without <c>fills</c>.</summary>
    Result,

    /// <summary>The order object with its <c>fills</c>.</summary>
    Full,
}
