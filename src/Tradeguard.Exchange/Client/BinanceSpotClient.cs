using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Tradeguard.Exchange.Models;
using Tradeguard.Exchange.RateLimits;
using Tradeguard.Exchange.Signing;

namespace Tradeguard.Exchange.Client;

/// <summary>
/// <see cref="IExchangeClient"/> for Binance Spot's REST API (and the local sandbox, which speaks the same subset).
/// Signed requests carry <c>timestamp</c> (server time via <see cref="ServerClock"/>) and <c>recvWindow</c>, then
/// <c>signature</c> = <see cref="RequestSigner"/> over the exact query string (GET, DELETE) or form body (POST), and
/// the key in <c>X-MBX-APIKEY</c>. On -1021 (timestamp outside recvWindow) the clock is measured again and the request
/// re-signed once. Rate limits go through <see cref="RateLimitGate"/>. Idempotent requests are retried after transport
/// failures and 5xx by a Polly pipeline (Microsoft.Extensions.Http.Resilience); orders never are.
/// Logs name the method and path only: never the query string, the body, the signature, the secret or the key.
/// </summary>
public sealed class BinanceSpotClient : IExchangeClient, IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly ApiCredentials? credentials;
    private readonly ExchangeClientOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;

    /// <summary>Creates a client over <paramref name="http"/> (its handlers are the caller's choice, see <see cref="CreateHandler"/>).</summary>
    /// <param name="http">The HTTP client; its BaseAddress is ignored in favour of <see cref="ExchangeClientOptions.BaseAddress"/>.</param>
    /// <param name="credentials">The key pair; the caller keeps ownership.</param>
    /// <param name="options">Endpoint and limits; validated here.</param>
    /// <param name="logger">Receives method, path, status and weight of each request.</param>
    /// <param name="time">The clock (tests pass a fake one).</param>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 for an endpoint that is not https or loopback.</exception>
    public BinanceSpotClient(HttpClient http, ApiCredentials credentials, ExchangeClientOptions options, ILogger? logger = null, TimeProvider? time = null)
        : this(http, false, credentials, options, logger, time)
    {
    }

    private BinanceSpotClient(HttpClient http, bool ownsHttp, ApiCredentials? credentials, ExchangeClientOptions options, ILogger? logger, TimeProvider? time)
    {
        options.Validate();
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.credentials = credentials;
        this.options = options;
        this.logger = logger ?? NullLogger.Instance;
        this.time = time ?? TimeProvider.System;
        Clock = new ServerClock(this.time);
        RateLimits = new RateLimitGate(options.WeightLimitPerMinute, options.SlowDownAt, this.time, this.logger);
    }

    /// <summary>The server-time offset used for timestamps.</summary>
    public ServerClock Clock { get; }

    /// <summary>The request-weight state.</summary>
    public RateLimitGate RateLimits { get; }

    /// <summary>Creates a client with its own HttpClient and the standard handler chain (<see cref="CreateHandler"/>).</summary>
    public static BinanceSpotClient Create(ApiCredentials credentials, ExchangeClientOptions options, ILogger? logger = null, TimeProvider? time = null) =>
        CreateOwning(credentials, options, logger, time);

    /// <summary>
    /// Creates a client for the public endpoints only (time, exchangeInfo, klines: market data needs no key), with the
    /// same handler chain, rate limits and retries; a signed call on it fails (exit 5) without sending anything.
    /// </summary>
    public static BinanceSpotClient CreatePublic(ExchangeClientOptions options, ILogger? logger = null, TimeProvider? time = null) =>
        CreateOwning(null, options, logger, time);

    private static BinanceSpotClient CreateOwning(ApiCredentials? credentials, ExchangeClientOptions options, ILogger? logger, TimeProvider? time)
    {
        options.Validate();
        var http = new HttpClient(CreateHandler(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new BinanceSpotClient(http, true, credentials, options, logger, time);
    }

    /// <summary>
    /// The handler chain: a Polly retry (exponential back-off with jitter) for transport failures, timeouts and 5xx on
    /// safe methods only, then a per-attempt timeout, over a SocketsHttpHandler. 429 and 418 are left to the client.
    /// </summary>
    public static HttpMessageHandler CreateHandler(ExchangeClientOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxTransientRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
                { Result: { } response } => (int)response.StatusCode >= 500,
                _ => false,
            }),
        };
        retry.DisableForUnsafeHttpMethods();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(retry)
            .AddTimeout(options.Timeout)
            .Build();
        return new ResilienceHandler(pipeline) { InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } };
    }

    /// <summary>Measures the server-time offset from <paramref name="samples"/> round trips (call at start; the client also does it on -1021); returns it, milliseconds.</summary>
    public Task<long> SyncClockAsync(CancellationToken cancellationToken = default, int samples = 3) =>
        Clock.MeasureAsync(GetServerTimeAsync, cancellationToken, samples);

    /// <inheritdoc />
    public Task<long> GetServerTimeAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "/api/v3/time", [], signed: false, root => JsonRead.Long(root, "serverTime"), cancellationToken);

    /// <inheritdoc />
    public Task<ExchangeInfo> GetExchangeInfoAsync(string symbol, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "/api/v3/exchangeInfo", [new("symbol", symbol)], signed: false, root =>
        {
            int? weight = null;
            if (root.TryGetProperty("rateLimits", out var limits))
            {
                foreach (var limit in limits.EnumerateArray())
                {
                    if (JsonRead.String(limit, "rateLimitType") == "REQUEST_WEIGHT" && JsonRead.String(limit, "interval") == "MINUTE" &&
                        JsonRead.Long(limit, "intervalNum") == 1)
                    {
                        weight = (int)JsonRead.Long(limit, "limit");
                    }
                }
            }

            if (weight is > 0)
            {
                RateLimits.WeightLimit = weight.Value;
            }

            var symbols = new List<SymbolInfo>();
            if (root.TryGetProperty("symbols", out var list))
            {
                foreach (var s in list.EnumerateArray())
                {
                    var types = s.TryGetProperty("orderTypes", out var t) ? t.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [];
                    symbols.Add(new SymbolInfo(JsonRead.String(s, "symbol"), JsonRead.String(s, "status"), JsonRead.String(s, "baseAsset"),
                        JsonRead.String(s, "quoteAsset"), types) { Filters = ReadFilters(s) });
                }
            }

            return new ExchangeInfo(JsonRead.Long(root, "serverTime"), weight, symbols);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Kline>> GetKlinesAsync(string symbol, string interval, long? startTime, long? endTime, int limit,
        CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<Kline>>(HttpMethod.Get, "/api/v3/klines",
            Parameters(("symbol", symbol), ("interval", interval), ("startTime", Text(startTime)), ("endTime", Text(endTime)), ("limit", Text(Math.Clamp(limit, 1, 1000)))),
            signed: false, root => root.EnumerateArray().Select(k => new Kline(k[0].GetInt64(), JsonRead.Decimal(k[1]), JsonRead.Decimal(k[2]),
                JsonRead.Decimal(k[3]), JsonRead.Decimal(k[4]), JsonRead.Decimal(k[5]), k[6].GetInt64())).ToArray(), cancellationToken);

    /// <inheritdoc />
    public Task<AccountInfo> GetAccountAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "/api/v3/account", [], signed: true, root =>
        {
            var balances = root.TryGetProperty("balances", out var list)
                ? list.EnumerateArray().Select(b => new Balance(JsonRead.String(b, "asset"), JsonRead.Decimal(b, "free"), JsonRead.Decimal(b, "locked"))).ToArray()
                : [];
            return new AccountInfo(JsonRead.Bool(root, "canTrade"), JsonRead.Bool(root, "canWithdraw"), JsonRead.String(root, "accountType"), balances);
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<OrderReport> PlaceOrderAsync(NewOrder order, CancellationToken cancellationToken = default)
    {
        var type = BinanceNames.Type(order.Type)
            ?? throw new ArgumentException($"{order.Type} orders have no Binance equivalent", nameof(order));
        var form = Parameters(("symbol", order.Symbol), ("side", BinanceNames.Side(order.Side)), ("type", type),
            ("timeInForce", order.Type is Trading.Broker.OrderType.Limit or Trading.Broker.OrderType.StopLimit ? "GTC" : null),
            ("quantity", Text(order.Quantity)), ("price", Text(order.Price)), ("stopPrice", Text(order.StopPrice)),
            ("newClientOrderId", order.ClientOrderId), ("newOrderRespType", "RESULT"));
        return await SendAsync(HttpMethod.Post, "/api/v3/order", form, signed: true, ReadOrder, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<OrderReport> CancelOrderAsync(string symbol, long orderId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, "/api/v3/order", [new("symbol", symbol), new("orderId", Text(orderId))], signed: true, ReadOrder, cancellationToken);

    /// <inheritdoc />
    public Task<OrderReport> GetOrderAsync(string symbol, long orderId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "/api/v3/order", [new("symbol", symbol), new("orderId", Text(orderId))], signed: true, ReadOrder, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(string symbol, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<OrderReport>>(HttpMethod.Get, "/api/v3/openOrders", [new("symbol", symbol)], signed: true,
            root => root.EnumerateArray().Select(ReadOrder).ToArray(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TradeReport>> GetMyTradesAsync(string symbol, long? fromId = null, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<TradeReport>>(HttpMethod.Get, "/api/v3/myTrades", Parameters(("symbol", symbol), ("fromId", Text(fromId)), ("limit", "1000")), signed: true,
            root => root.EnumerateArray().Select(t => new TradeReport(JsonRead.String(t, "symbol"), JsonRead.Long(t, "id"),
                JsonRead.Long(t, "orderId"), JsonRead.Decimal(t, "price"), JsonRead.Decimal(t, "qty"), JsonRead.Decimal(t, "quoteQty"),
                JsonRead.Decimal(t, "commission"), JsonRead.String(t, "commissionAsset"), JsonRead.Long(t, "time"), JsonRead.Bool(t, "isBuyer"))).ToArray(), cancellationToken);

    /// <inheritdoc />
    public Task<ApiKeyRestrictions> GetApiKeyRestrictionsAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "/sapi/v1/account/apiRestrictions", [], signed: true, r =>
            new ApiKeyRestrictions(JsonRead.Bool(r, "ipRestrict"), JsonRead.Bool(r, "enableReading"), JsonRead.Bool(r, "enableSpotAndMarginTrading"),
                JsonRead.Bool(r, "enableWithdrawals"), JsonRead.Bool(r, "enableInternalTransfer"), JsonRead.Bool(r, "permitsUniversalTransfer"),
                JsonRead.Bool(r, "enableMargin"), JsonRead.Bool(r, "enableFutures")), cancellationToken);

    /// <summary>Disposes the HttpClient when this client created it (not the credentials).</summary>
    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    private static OrderReport ReadOrder(JsonElement o) => new(
        JsonRead.String(o, "symbol"),
        JsonRead.Long(o, "orderId"),
        JsonRead.String(o, "clientOrderId"),
        BinanceNames.ParseSide(JsonRead.String(o, "side")) ?? throw new FormatException("order without a side"),
        JsonRead.String(o, "type"),
        BinanceNames.ParseStatus(JsonRead.String(o, "status")),
        JsonRead.Decimal(o, "origQty"),
        JsonRead.Decimal(o, "executedQty"),
        JsonRead.Decimal(o, "cummulativeQuoteQty"),
        JsonRead.Decimal(o, "price"),
        JsonRead.Decimal(o, "stopPrice"),
        o.TryGetProperty("transactTime", out var tt) ? tt.GetInt64() : JsonRead.Long(o, "time"),
        o.TryGetProperty("updateTime", out var ut) ? ut.GetInt64() : JsonRead.Long(o, "transactTime"));

    private static Trading.Broker.Instrument? ReadFilters(JsonElement symbol)
    {
        if (!symbol.TryGetProperty("filters", out var filters) || filters.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        decimal? step = null;
        decimal tick = 0, minNotional = 0;
        foreach (var filter in filters.EnumerateArray())
        {
            switch (JsonRead.String(filter, "filterType"))
            {
                case "LOT_SIZE":
                    step = Normal(JsonRead.Decimal(filter, "stepSize"));
                    break;
                case "PRICE_FILTER":
                    tick = Normal(JsonRead.Decimal(filter, "tickSize"));
                    break;
                case "NOTIONAL" or "MIN_NOTIONAL":
                    minNotional = Normal(JsonRead.Decimal(filter, "minNotional"));
                    break;
            }
        }

        return step is > 0 ? new Trading.Broker.Instrument(step.Value, tick, minNotional) : null;
    }

    // "0.00001000" → 0.00001: the same value without the trailing zeros Binance pads amounts with.
    private static decimal Normal(decimal value) => value / 1.000000000000000000000000000000000m;

    [return: NotNullIfNotNull(nameof(value))]
    private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    [return: NotNullIfNotNull(nameof(value))]
    private static string? Text(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture);

    // A request's parameters in order; an optional one whose value is null is not sent.
    private static List<KeyValuePair<string, string>> Parameters(params (string Name, string? Value)[] parameters) =>
        parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Name, p.Value!)).ToList();

    /// <summary>
    /// Sends a request and reads a successful answer with <paramref name="read"/>. The one place an answer's shape is
    /// trusted: a body that is not JSON, or JSON of another shape (a missing field, a string where a number belongs),
    /// is an <see cref="ExchangeApiException"/> (exit 6) naming the request, never a crash.
    /// </summary>
    private async Task<T> SendAsync<T>(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> parameters, bool signed,
        Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var rateLimitRetries = 0;
        var resynced = false;
        while (true)
        {
            await RateLimits.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            using var request = Build(method, path, parameters, signed);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("{Method} {Path} failed: no answer from the exchange", method.Method, path);
                throw new ExchangeApiException(0, null, Unreachable(method, path, options), e);
            }

            using (response)
            {
                RateLimits.Observe(response);
                logger.LogDebug("{Method} {Path} -> {Status} (weight used {Weight})", method.Method, path, (int)response.StatusCode, RateLimits.UsedWeight);
                var retryAfter = RetryAfter(response);
                if ((int)response.StatusCode == 418)
                {
                    throw RateLimits.OnBanned(retryAfter);
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    RateLimits.OnTooManyRequests(retryAfter);
                    if (++rateLimitRetries > options.MaxRateLimitRetries)
                    {
                        throw new ExchangeApiException(-1003, response.StatusCode,
                            $"{method.Method} {path}: the exchange kept answering 429 (too many requests) after {options.MaxRateLimitRetries} waits; lower the request rate");
                    }

                    continue;
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    try
                    {
                        using var doc = JsonDocument.Parse(body);
                        return read(doc.RootElement);
                    }
                    catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException
                        or IndexOutOfRangeException or KeyNotFoundException or ArgumentException)
                    {
                        throw new ExchangeApiException(0, response.StatusCode,
                            $"{method.Method} {path}: the exchange answered {(int)response.StatusCode} with a body that is not the expected JSON " +
                            "(is the base URL a Binance-compatible API?)", e);
                    }
                }

                var (code, message) = ReadError(body);
                if (code == -1021 && signed && !resynced)
                {
                    resynced = true;
                    var offset = await SyncClockAsync(cancellationToken).ConfigureAwait(false);
                    logger.LogWarning("Timestamp outside recvWindow (-1021); server clock offset measured again: {Offset} ms", offset);
                    continue;
                }

                if ((int)response.StatusCode >= 500 && method != HttpMethod.Get)
                {
                    throw new ExchangeApiException(code, response.StatusCode,
                        $"{method.Method} {path}: the exchange answered {(int)response.StatusCode}; the request's outcome is unknown: check open orders and trades before retrying");
                }

                if (ExchangeAuthenticationException.Matches(code, response.StatusCode))
                {
                    throw new ExchangeAuthenticationException(code, response.StatusCode, $"{method.Method} {path}", message, options.Exchange);
                }

                throw new ExchangeApiException(code, response.StatusCode,
                    $"{method.Method} {path}: the exchange refused the request: {code} {message}") { ExchangeMessage = message };
            }
        }
    }

    private HttpRequestMessage Build(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> parameters, bool signed)
    {
        var all = new List<KeyValuePair<string, string>>(parameters);
        if (signed && credentials is null)
        {
            throw new Core.Errors.TradeguardException(Core.Errors.ExitCode.Configuration,
                $"{method.Method} {path} needs an API key, and this client was made for public market data only");
        }

        if (signed)
        {
            all.Add(new("recvWindow", Text(options.RecvWindowMs)));
            all.Add(new("timestamp", Text(Clock.Now())));
        }

        var payload = QueryString.Build(all);
        if (signed)
        {
            payload += (payload.Length > 0 ? "&" : string.Empty) + "signature=" + RequestSigner.Sign(credentials!.ApiSecret, payload);
        }

        var uri = new Uri(options.BaseAddress, path);
        var request = method == HttpMethod.Post
            ? new HttpRequestMessage(method, uri) { Content = new StringContent(payload, Encoding.UTF8, "application/x-www-form-urlencoded") }
            : new HttpRequestMessage(method, payload.Length > 0 ? new Uri(uri + "?" + payload) : uri);
        if (signed)
        {
            request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", credentials!.ApiKey.Reveal());
        }

        return request;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta)
            {
                return delta;
            }

            if (header.Date is { } date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    private static (int Code, string Message) ReadError(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return ((int)JsonRead.Long(doc.RootElement, "code"), JsonRead.String(doc.RootElement, "msg"));
        }
        catch (JsonException)
        {
            return (0, "(no error details)");
        }
    }

    private static string Unreachable(HttpMethod method, string path, ExchangeClientOptions options)
    {
        var where = options.BaseAddress.GetLeftPart(UriPartial.Authority);
        // On loopback the exchange is the local sandbox: the usual cause is that it is not running.
        var hint = options.IsLoopback ? $"; is `tradeguard sandbox serve` running on {where}?" : "; check the network and the exchange's status";
        return method == HttpMethod.Get
            ? $"{method.Method} {path}: the exchange at {where} did not answer after retries{hint}"
            : $"{method.Method} {path}: the exchange at {where} did not answer; the request's outcome is unknown: check open orders and trades before retrying";
    }
}
