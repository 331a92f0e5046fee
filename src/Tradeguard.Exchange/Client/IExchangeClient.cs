using Tradeguard.Exchange.Models;

namespace Tradeguard.Exchange.Client;

/// <summary>
/// A spot exchange's REST API, in the subset Tradeguard trades through (Binance Spot semantics). Every method may
/// throw <see cref="ExchangeApiException"/> (exit 6) with the exchange's code and message, or
/// <see cref="ExchangeBannedException"/> after an HTTP 418. Signed calls carry the key pair the client was built with.
/// </summary>
public interface IExchangeClient
{
    /// <summary>The exchange's clock, Unix milliseconds (<c>GET /api/v3/time</c>).</summary>
    Task<long> GetServerTimeAsync(CancellationToken cancellationToken = default);

    /// <summary>Rules and limits, for <paramref name="symbol"/> only (<c>GET /api/v3/exchangeInfo</c>).</summary>
    Task<ExchangeInfo> GetExchangeInfoAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>
    /// Candles opening from <paramref name="startTime"/> to <paramref name="endTime"/> (Unix ms, both inclusive), oldest
    /// first (<c>GET /api/v3/klines</c>, weight 2). Binance also returns the candle still open, whose close time is not
    /// yet past: a caller that wants closed candles only compares <see cref="Kline.CloseTime"/> with the server time.
    /// </summary>
    /// <param name="symbol">Trading pair.</param>
    /// <param name="interval">Candle interval, e.g. <c>1d</c> (<see cref="KlineInterval.Names"/>).</param>
    /// <param name="startTime">First open time wanted, Unix milliseconds; null for the latest.</param>
    /// <param name="endTime">Last open time wanted, Unix milliseconds; null for no bound.</param>
    /// <param name="limit">At most this many candles (1–1000).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Kline>> GetKlinesAsync(string symbol, string interval, long? startTime, long? endTime, int limit,
        CancellationToken cancellationToken = default);

    /// <summary>Balances and account flags (signed, <c>GET /api/v3/account</c>).</summary>
    Task<AccountInfo> GetAccountAsync(CancellationToken cancellationToken = default);

    /// <summary>Places an order (signed, <c>POST /api/v3/order</c>). Never retried automatically: a lost answer leaves its state unknown.</summary>
    Task<OrderReport> PlaceOrderAsync(NewOrder order, CancellationToken cancellationToken = default);

    /// <summary>Cancels an order (signed, <c>DELETE /api/v3/order</c>).</summary>
    Task<OrderReport> CancelOrderAsync(string symbol, long orderId, CancellationToken cancellationToken = default);

    /// <summary>One order's current state (signed, <c>GET /api/v3/order</c>).</summary>
    Task<OrderReport> GetOrderAsync(string symbol, long orderId, CancellationToken cancellationToken = default);

    /// <summary>Orders still working on <paramref name="symbol"/> (signed, <c>GET /api/v3/openOrders</c>).</summary>
    Task<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Fills on <paramref name="symbol"/> with trade id ≥ <paramref name="fromId"/> (signed, <c>GET /api/v3/myTrades</c>).</summary>
    Task<IReadOnlyList<TradeReport>> GetMyTradesAsync(string symbol, long? fromId = null, CancellationToken cancellationToken = default);

    /// <summary>What the API key may do (signed, <c>GET /sapi/v1/account/apiRestrictions</c>).</summary>
    Task<ApiKeyRestrictions> GetApiKeyRestrictionsAsync(CancellationToken cancellationToken = default);
}
