using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Binance;
using Tradeguard.Exchange.Models;
using Tradeguard.Exchange.Signing;
using Tradeguard.Trading.Broker;

namespace Tradeguard.Exchange.Sandbox;

/// <summary>
/// A local exchange on 127.0.0.1 that speaks the Binance Spot REST subset of <see cref="Client.IExchangeClient"/>
/// (plus <c>/api/v3/ping</c>) over a <see cref="ReplayMarket"/>. Signed endpoints check, as Binance does, the
/// <c>X-MBX-APIKEY</c> header (-2014/-2015), <c>recvWindow</c> ≤ 60000 (-1131), the HMAC-SHA256 signature over the
/// exact query string followed by the body (-1022), and the timestamp: rejected when 1000 ms or more ahead of the
/// server or older than recvWindow (-1021). New orders are held to the symbol filters exchangeInfo publishes
/// (<see cref="SandboxOptions.Filters"/>, checked by <see cref="Instrument.Check"/>): one that breaks LOT_SIZE,
/// PRICE_FILTER or NOTIONAL is answered 400 -1013 "Filter failure: NAME", as Binance answers it. Request weight is
/// counted per minute and reported in <c>X-MBX-USED-WEIGHT-1M</c>; over the limit the answer is 429 with Retry-After.
/// Logs carry method, path, masked key and result only.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ReplayMarket market;
    private readonly SandboxKeyring keys;
    private readonly SandboxOptions options;
    private readonly Instrument filters;
    private readonly ILogger logger;
    private readonly Lock weightGate = new();
    private long weightMinute;
    private int usedWeight;

    private SandboxServer(WebApplication app, ReplayMarket market, SandboxKeyring keys, SandboxOptions options, ILogger logger)
    {
        this.app = app;
        this.market = market;
        this.keys = keys;
        this.options = options;
        filters = options.PublishedFilters;
        this.logger = logger;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The market behind it.</summary>
    public ReplayMarket Market => market;

    /// <summary>Starts listening on 127.0.0.1.</summary>
    public static async Task<SandboxServer> StartAsync(ReplayMarket market, SandboxKeyring keys, SandboxOptions? options = null,
        ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var server = new SandboxServer(app, market, keys, options, logger ?? NullLogger.Instance);
        server.Map();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        server.logger.LogInformation("Sandbox exchange for {Symbol} listening on {Address}", market.Symbol, server.BaseAddress);
        return server;
    }

    /// <summary>Stops listening (requests in flight finish first).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => app.StopAsync(cancellationToken);

    /// <summary>Stops and releases the server.</summary>
    public async ValueTask DisposeAsync() => await app.DisposeAsync().ConfigureAwait(false);

    private void Map()
    {
        // Every endpoint but ping, time, exchangeInfo, account and apiRestrictions is about one symbol: the replay's.
        app.MapGet("/api/v3/ping", Route(c => Public(c, 1, _ => new Dictionary<string, object>(), symbol: false)));
        app.MapGet("/api/v3/time", Route(c => Public(c, 1, _ => new Dictionary<string, object> { ["serverTime"] = Now() }, symbol: false)));
        app.MapGet("/api/v3/exchangeInfo", Route(c => Public(c, 20, ExchangeInfo, symbol: false)));
        app.MapGet("/api/v3/klines", Route(c => Public(c, 2, Klines)));
        app.MapGet("/api/v3/ticker/price", Route(c => Public(c, 2, TickerPrice)));
        app.MapGet("/api/v3/ticker/bookTicker", Route(c => Public(c, 2, BookTicker)));
        app.MapGet("/api/v3/depth", Route(c => Public(c, 5, Depth)));
        app.MapGet("/api/v3/account", Route(c => Signed(c, 20, (_, _) => Account(), symbol: false)));
        app.MapPost("/api/v3/order", Route(c => Signed(c, 1, (_, p) => NewOrder(p))));
        app.MapGet("/api/v3/order", Route(c => Signed(c, 4, (_, p) => QueryOrder(p))));
        app.MapDelete("/api/v3/order", Route(c => Signed(c, 1, (_, p) => CancelOrder(p))));
        app.MapGet("/api/v3/openOrders", Route(c => Signed(c, 6, (_, _) => market.OpenOrders().Select(Order).ToArray())));
        app.MapGet("/api/v3/allOrders", Route(c => Signed(c, 20, (_, p) => market.AllOrders().TakeLast(Limit(p)).Select(Order).ToArray())));
        app.MapGet("/api/v3/myTrades", Route(c => Signed(c, 20, (_, p) => MyTrades(p))));
        app.MapGet("/sapi/v1/account/apiRestrictions", Route(c => Signed(c, 1, (key, _) => Restrictions(key), symbol: false)));
    }

    private static RequestDelegate Route(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context).ConfigureAwait(false)).ExecuteAsync(context).ConfigureAwait(false);

    private long Now() => options.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private Task<IResult> Public(HttpContext context, int weight, Func<IReadOnlyDictionary<string, StringValues>, object> handler, bool symbol = true) =>
        Serve(context, weight, signed: false, symbol, (_, p) => handler(p));

    private Task<IResult> Signed(HttpContext context, int weight, Func<SandboxKey, IReadOnlyDictionary<string, StringValues>, object> handler, bool symbol = true) =>
        Serve(context, weight, signed: true, symbol, handler);

    // Weighs the request, then (signed) checks key and signature, then (symbol) the symbol, then runs the handler.
    private async Task<IResult> Serve(HttpContext context, int weight, bool signed, bool symbol, Func<SandboxKey, IReadOnlyDictionary<string, StringValues>, object> handler)
    {
        if (Weigh(context, weight) is { } limited)
        {
            return limited;
        }

        var parameters = await BinanceRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (!signed)
        {
            return Answer(context, null, Handle(parameters.Values, symbol, () => handler(null!, parameters.Values)));
        }

        var apiKey = context.Request.Headers["X-MBX-APIKEY"].ToString();
        if (apiKey.Length == 0)
        {
            return Answer(context, null, BinanceErrors.ApiKeyFormat);
        }

        var key = keys.Find(apiKey);
        if (key is null)
        {
            return Answer(context, SecretMask.Mask(apiKey), BinanceErrors.RejectedKey);
        }

        return Answer(context, SecretMask.Mask(apiKey), Authenticate(key, parameters) ?? Handle(parameters.Values, symbol, () => handler(key, parameters.Values)));
    }

    private BinanceError? Authenticate(SandboxKey key, BinanceRequest request) => BinanceRequestCheck.Check(key.ApiSecret, request, Now()).Error;

    private object Handle(IReadOnlyDictionary<string, StringValues> p, bool symbol, Func<object> handler)
    {
        try
        {
            return symbol && Required(p, "symbol") != market.Symbol ? BinanceErrors.InvalidSymbol : handler();
        }
        catch (SandboxRefusal refusal)
        {
            return refusal.Error;
        }
    }

    private IResult Answer(HttpContext context, string? maskedKey, object result)
    {
        var path = context.Request.Path.Value;
        if (result is BinanceError error)
        {
            logger.LogInformation("{Method} {Path} key {Key}: {Code} {Message}", context.Request.Method, path, maskedKey ?? "(none)", error.Code, error.Message);
            return error.ToResult();
        }

        logger.LogDebug("{Method} {Path} key {Key}: ok", context.Request.Method, path, maskedKey ?? "(none)");
        return BinanceJson.Result(result);
    }

    private IResult? Weigh(HttpContext context, int weight)
    {
        int used;
        long retryAfterSeconds;
        lock (weightGate)
        {
            var now = options.Time.GetUtcNow();
            var minute = now.ToUnixTimeSeconds() / 60;
            if (minute != weightMinute)
            {
                weightMinute = minute;
                usedWeight = 0;
            }

            usedWeight += weight;
            used = usedWeight;
            retryAfterSeconds = ((minute + 1) * 60) - now.ToUnixTimeSeconds();
        }

        context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = used.ToString(CultureInfo.InvariantCulture);
        if (used <= options.WeightLimitPerMinute)
        {
            return null;
        }

        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        logger.LogWarning("{Method} {Path}: request weight {Used} over the limit of {Limit}; answered 429", context.Request.Method, context.Request.Path.Value, used, options.WeightLimitPerMinute);
        return BinanceErrors.TooManyRequests.ToResult();
    }

    private object ExchangeInfo(IReadOnlyDictionary<string, StringValues> p)
    {
        if (p.TryGetValue("symbol", out var symbol) && symbol.ToString() != market.Symbol)
        {
            throw new SandboxRefusal(BinanceErrors.InvalidSymbol);
        }

        return new Dictionary<string, object>
        {
            ["timezone"] = "UTC",
            ["serverTime"] = Now(),
            ["rateLimits"] = new object[]
            {
                new Dictionary<string, object> { ["rateLimitType"] = "REQUEST_WEIGHT", ["interval"] = "MINUTE", ["intervalNum"] = 1, ["limit"] = options.WeightLimitPerMinute },
            },
            ["symbols"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["symbol"] = market.Symbol,
                    ["status"] = market.IsFinished ? "BREAK" : "TRADING",
                    ["baseAsset"] = market.Symbol,
                    ["quoteAsset"] = market.QuoteAsset,
                    ["orderTypes"] = new[] { "LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT" },
                    ["baseAssetPrecision"] = 8,
                    ["quotePrecision"] = 8,
                    ["quoteAssetPrecision"] = 8,
                    ["isSpotTradingAllowed"] = true,
                    ["isMarginTradingAllowed"] = false,
                    ["permissions"] = new[] { "SPOT" },
                    // What Instrument.Check enforces: minQty one lot, minPrice one tick, the minimum notional also for
                    // market orders at the last close (avgPriceMins 0: "the last price is used"), the maximum only for
                    // orders with a price of their own.
                    ["filters"] = new object[]
                    {
                        new Dictionary<string, object> { ["filterType"] = "PRICE_FILTER", ["minPrice"] = Amount(filters.TickSize), ["maxPrice"] = Amount(filters.MaxPrice), ["tickSize"] = Amount(filters.TickSize) },
                        new Dictionary<string, object> { ["filterType"] = "LOT_SIZE", ["minQty"] = Amount(filters.LotSize), ["maxQty"] = Amount(filters.MaxQuantity), ["stepSize"] = Amount(filters.LotSize) },
                        new Dictionary<string, object>
                        {
                            ["filterType"] = "NOTIONAL", ["minNotional"] = Amount(filters.MinNotional), ["applyMinToMarket"] = true,
                            ["maxNotional"] = Amount(filters.MaxNotional), ["applyMaxToMarket"] = false, ["avgPriceMins"] = 0,
                        },
                    },
                },
            },
        };
    }

    /// <summary>
    /// Binance's kline rules: <c>interval</c> required (-1120 when not the replay's), <c>startTime</c> and <c>endTime</c>
    /// bound the open time, both inclusive (-1023 when start is after end), <c>limit</c> 500 by default and at most 1000;
    /// without <c>startTime</c> the latest candles up to <c>endTime</c>. Only closed bars of the replay are served.
    /// </summary>
    private object Klines(IReadOnlyDictionary<string, StringValues> p)
    {
        if (!KlineInterval.TryParse(Required(p, "interval"), out var interval) || interval != options.Interval)
        {
            throw new SandboxRefusal(BinanceErrors.InvalidInterval);
        }

        var (start, end) = (OptionalLong(p, "startTime"), OptionalLong(p, "endTime"));
        if (start > end)
        {
            throw new SandboxRefusal(BinanceErrors.StartAfterEnd);
        }

        return market.ClosedBars(start, Limit(p), end).Select(b =>
        {
            var open = ReplayMarket.ToUnixMs(b.Time);
            return new object[]
            {
                open, Amount(b.Open), Amount(b.High), Amount(b.Low), Amount(b.Close), Amount(b.Volume), interval.CloseTime(open),
                Amount(b.Volume * b.Close), 0, "0", "0", "0",
            };
        }).ToArray();
    }

    /// <summary>The last close is the one price the replay knows; the book is that price on both sides with no spread.</summary>
    private decimal LastClose() =>
        AwaitOpen() && market.ClosedBars(null, 1) is [var bar] ? bar.Close : throw new SandboxRefusal(BinanceErrors.OrderRejected("Market is closed."));

    // True unless the market has no bar yet and is not about to have one.
    private bool AwaitOpen() => options.FirstBarWait is not { } wait || market.MarketTime() is not null || market.AwaitOpen(wait);

    private object TickerPrice(IReadOnlyDictionary<string, StringValues> p) =>
        new Dictionary<string, object> { ["symbol"] = market.Symbol, ["price"] = Amount(LastClose()) };

    private object BookTicker(IReadOnlyDictionary<string, StringValues> p)
    {
        var close = Amount(LastClose());
        return new Dictionary<string, object>
        {
            ["symbol"] = market.Symbol, ["bidPrice"] = close, ["bidQty"] = Amount(1_000_000), ["askPrice"] = close, ["askQty"] = Amount(1_000_000),
        };
    }

    private object Depth(IReadOnlyDictionary<string, StringValues> p)
    {
        var level = new[] { new[] { Amount(LastClose()), Amount(1_000_000) } };
        return new Dictionary<string, object> { ["lastUpdateId"] = market.CurrentIndex + 1, ["bids"] = level, ["asks"] = level };
    }

    private object Account()
    {
        var (quoteFree, baseFree, baseLocked) = market.Balances();
        return new Dictionary<string, object>
        {
            ["makerCommission"] = 0,
            ["takerCommission"] = 0,
            ["canTrade"] = true,
            ["canWithdraw"] = false,
            ["canDeposit"] = false,
            ["accountType"] = "SPOT",
            ["updateTime"] = market.MarketTime() ?? 0,
            ["balances"] = new object[]
            {
                new Dictionary<string, object> { ["asset"] = market.Symbol, ["free"] = Amount(baseFree), ["locked"] = Amount(baseLocked) },
                new Dictionary<string, object> { ["asset"] = market.QuoteAsset, ["free"] = Amount(quoteFree), ["locked"] = Amount(0) },
            },
            ["permissions"] = new[] { "SPOT" },
        };
    }

    private object NewOrder(IReadOnlyDictionary<string, StringValues> p)
    {
        var side = BinanceNames.ParseSide(Required(p, "side")) ?? throw new SandboxRefusal(BinanceErrors.Mandatory("side"));
        var type = BinanceNames.ParseType(Required(p, "type")) ?? throw new SandboxRefusal(BinanceErrors.InvalidOrderType);
        var quantity = Decimal(p, "quantity") ?? throw new SandboxRefusal(BinanceErrors.Mandatory("quantity"));
        var price = Decimal(p, "price");
        var stop = Decimal(p, "stopPrice");
        if (type is OrderType.Limit or OrderType.StopLimit)
        {
            if (price is null)
            {
                throw new SandboxRefusal(BinanceErrors.Mandatory("price"));
            }

            if (Required(p, "timeInForce") != "GTC")
            {
                throw new SandboxRefusal(new BinanceError(-1115, 400, "Invalid timeInForce."));
            }
        }

        if (type is OrderType.Stop or OrderType.StopLimit && stop is null)
        {
            throw new SandboxRefusal(BinanceErrors.Mandatory("stopPrice"));
        }

        var clientId = p.TryGetValue("newClientOrderId", out var c) && c.ToString().Length > 0
            ? c.ToString()
            : "sandbox-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        if (market.OpenOrders().Any(o => market.ClientOrderId(o.Id) == clientId))
        {
            // Binance: a newClientOrderId already used by an open order is refused (errors.md, -2010 "Duplicate order sent.").
            throw new SandboxRefusal(BinanceErrors.OrderRejected("Duplicate order sent."));
        }

        var request = new OrderRequest(side, quantity, type, type is OrderType.Limit or OrderType.StopLimit ? price : null,
            type is OrderType.Stop or OrderType.StopLimit ? stop : null);
        if (filters.Check(quantity, request.LimitPrice, request.StopPrice, request.LimitPrice ?? request.StopPrice ?? LastClose()) is { } failure)
        {
            logger.LogInformation("Order refused by the {Filter} filter: {Reason}", failure.Filter, failure.Reason);
            throw new SandboxRefusal(BinanceErrors.FilterFailure(failure.Filter));
        }

        var order = (AwaitOpen() ? market.Place(request, quantity, clientId) : null) ?? throw new SandboxRefusal(BinanceErrors.OrderRejected("Market is closed."));
        if (order.Status == OrderStatus.Rejected)
        {
            var reason = order.Reason ?? "rejected";
            throw new SandboxRefusal(BinanceErrors.OrderRejected(reason.StartsWith("not enough cash", StringComparison.Ordinal) || reason.StartsWith("would sell", StringComparison.Ordinal)
                ? "Account has insufficient balance for requested action."
                : reason));
        }

        return Order(order);
    }

    private object QueryOrder(IReadOnlyDictionary<string, StringValues> p)
    {
        // Binance: "Either orderId or origClientOrderId must be sent. If both are sent, orderId takes precedence" (rest-api.md, "Query order").
        var order = (!p.ContainsKey("orderId") && p.TryGetValue("origClientOrderId", out var clientId) && clientId.ToString().Length > 0
            ? market.FindByClientOrderId(clientId.ToString())
            : market.Find(Long(p.GetValueOrDefault("orderId"), "orderId"))) ?? throw new SandboxRefusal(BinanceErrors.NoSuchOrder);
        return Order(order);
    }

    private object CancelOrder(IReadOnlyDictionary<string, StringValues> p) =>
        market.Cancel(Long(p.GetValueOrDefault("orderId"), "orderId")) is ({ } order, true) ? Order(order) : throw new SandboxRefusal(BinanceErrors.UnknownOrder);

    private object MyTrades(IReadOnlyDictionary<string, StringValues> p) =>
        market.Trades(OptionalLong(p, "fromId"), Limit(p)).Select(t => new Dictionary<string, object>
        {
            ["symbol"] = market.Symbol,
            ["id"] = t.Id,
            ["orderId"] = t.OrderId,
            ["orderListId"] = -1,
            ["price"] = Amount(t.Price),
            ["qty"] = Amount(t.Quantity),
            ["quoteQty"] = Amount(t.Price * t.Quantity),
            ["commission"] = Amount(t.Commission),
            ["commissionAsset"] = market.QuoteAsset,
            ["time"] = t.Time,
            ["isBuyer"] = t.Side == OrderSide.Buy,
            ["isMaker"] = false,
            ["isBestMatch"] = true,
        }).ToArray();

    private static object Restrictions(SandboxKey key) => new Dictionary<string, object>
    {
        ["ipRestrict"] = key.IpRestricted,
        ["createTime"] = 0,
        ["enableReading"] = true,
        ["enableSpotAndMarginTrading"] = true,
        ["enableWithdrawals"] = key.Withdrawals,
        ["enableInternalTransfer"] = false,
        ["permitsUniversalTransfer"] = false,
        ["enableMargin"] = false,
        ["enableFutures"] = false,
        ["enableVanillaOptions"] = false,
        ["enablePortfolioMarginTrading"] = false,
    };

    private Dictionary<string, object> Order(Order order)
    {
        var filled = order.Status == OrderStatus.Filled;
        var placed = market.BarTime(order.PlacedAtBar);
        var updated = filled ? market.BarTime(order.FilledAtBar!.Value) : placed;
        return new Dictionary<string, object>
        {
            ["symbol"] = market.Symbol,
            ["orderId"] = order.Id,
            ["orderListId"] = -1,
            ["clientOrderId"] = market.ClientOrderId(order.Id),
            ["transactTime"] = placed,
            ["time"] = placed,
            ["updateTime"] = updated,
            ["workingTime"] = placed,
            ["price"] = Amount(order.LimitPrice ?? 0),
            ["stopPrice"] = Amount(order.StopPrice ?? 0),
            ["origQty"] = Amount(order.Quantity),
            ["executedQty"] = Amount(filled ? order.Quantity : 0),
            ["cummulativeQuoteQty"] = Amount(filled ? order.Quantity * order.FillPrice!.Value : 0),
            ["status"] = BinanceNames.Status(BinanceNames.FromBroker(order.Status)),
            ["timeInForce"] = "GTC",
            ["type"] = BinanceNames.Type(order.Type) ?? "MARKET",
            ["side"] = BinanceNames.Side(order.Side),
            ["isWorking"] = order.IsWorking,
            ["origQuoteOrderQty"] = Amount(0),
            ["selfTradePreventionMode"] = "NONE",
        };
    }

    private static string Required(IReadOnlyDictionary<string, StringValues> p, string name) =>
        p.TryGetValue(name, out var v) && v.ToString().Length > 0 ? v.ToString() : throw new SandboxRefusal(BinanceErrors.Mandatory(name));

    private static long Long(StringValues value, string name) =>
        long.TryParse(value.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new SandboxRefusal(BinanceErrors.Mandatory(name));

    private static long? OptionalLong(IReadOnlyDictionary<string, StringValues> p, string name) =>
        p.TryGetValue(name, out var value) ? Long(value, name) : null;

    // Binance's limit parameter: 500 when absent, clamped to 1-1000.
    private static int Limit(IReadOnlyDictionary<string, StringValues> p) => (int)Math.Clamp(OptionalLong(p, "limit") ?? 500, 1, 1000);

    private static decimal? Decimal(IReadOnlyDictionary<string, StringValues> p, string name)
    {
        if (!p.TryGetValue(name, out var v) || v.ToString().Length == 0)
        {
            return null;
        }

        return decimal.TryParse(v.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new SandboxRefusal(BinanceErrors.Illegal(name));
    }

    /// <summary>Binance writes amounts as strings with at least 8 decimals; more are kept so no fill price is rounded.</summary>
    private static string Amount(decimal value) => value.ToString("0.00000000##################", CultureInfo.InvariantCulture);

    private sealed class SandboxRefusal(BinanceError error) : Exception(error.Message)
    {
        public BinanceError Error { get; } = error;
    }
}
