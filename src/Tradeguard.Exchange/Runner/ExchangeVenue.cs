using System.Globalization;
using Microsoft.Extensions.Logging;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Models;
using Tradeguard.Exchange.State;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.Runner;

/// <summary>
/// An exchange, through <see cref="IExchangeClient"/>, as the engine's <see cref="IVenue"/>. Orders are acknowledged and
/// filled asynchronously, so the I/O happens around the engine's step: <see cref="RefreshAsync"/> before a candle reads
/// the working orders' reports, <see cref="IVenue.Update"/> hands them to the engine, and <see cref="FlushAsync"/> after
/// it sends the cancels and orders the step queued, each with a client order id <c>tg-&lt;run tag&gt;-&lt;id&gt;</c>.
/// Cash is the account's free quote asset and the position its base asset, from the account at start and then from
/// the fills the exchange reports. Only one thread uses it (the runner's loop).
/// </summary>
internal sealed class ExchangeVenue(IExchangeClient client, string symbol, TradingMode mode, RunnerControl control, IAuditLog audit, ILogger logger) : IVenue
{
    private readonly List<Order> orders = [];
    private readonly List<Order> working = [];
    private readonly Dictionary<long, long> exchangeIds = [];
    private readonly List<Order> outgoing = [];
    private readonly List<(Order Order, string Reason)> cancelling = [];
    private readonly List<Order> reported = [];

    // Books this process's round trips from the exchange's fills (win rate, trade count); cash and position are the
    // account's, below. A position held before the run started is sold outside the book and closes no trade here.
    private readonly Portfolio roundTrips = new(symbol, 0m);
    private long nextTradeId = 1;
    private long nextId = 1;

    public string Symbol => symbol;

    public decimal Cash { get; private set; }

    public decimal Position { get; private set; }

    public int FillCount { get; private set; }

    public IReadOnlyList<Order> Orders => orders;

    public IReadOnlyList<Order> WorkingOrders => working;

    /// <summary>Round trips closed by this process's fills: from flat, through buys, to flat again.</summary>
    public IReadOnlyList<ClosedTrade> Trades => roundTrips.Trades;

    /// <summary>The base asset of the symbol, e.g. <c>BTC</c>; known after <see cref="OpenAsync"/>.</summary>
    public string BaseAsset { get; private set; } = string.Empty;

    /// <summary>The quote asset of the symbol, e.g. <c>USDT</c>; known after <see cref="OpenAsync"/>.</summary>
    public string QuoteAsset { get; private set; } = string.Empty;

    /// <summary>The run tag of the client order ids: random per run, kept across a resume.</summary>
    public string RunTag { get; private set; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));

    /// <summary>Reads the symbol's assets and the account's balances.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the exchange does not list the symbol.</exception>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var info = await client.GetExchangeInfoAsync(symbol, cancellationToken).ConfigureAwait(false);
        var listed = info.Symbols.FirstOrDefault(s => s.Symbol == symbol)
            ?? throw new TradeguardException(ExitCode.Configuration, $"the exchange does not list the symbol {symbol}");
        BaseAsset = listed.BaseAsset;
        QuoteAsset = listed.QuoteAsset;
        var account = await client.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        Position = account.Total(BaseAsset);
        Cash = account.Free(QuoteAsset);
    }

    /// <summary>Takes over the ids and the working orders a stopped run saved; orders the exchange no longer knows are dropped.</summary>
    public async Task ResumeAsync(RunState saved, CancellationToken cancellationToken)
    {
        RunTag = saved.RunTag;
        nextId = saved.NextOrderId;
        nextTradeId = saved.NextTradeId;
        foreach (var resumed in saved.WorkingOrders)
        {
            try
            {
                await client.GetOrderAsync(symbol, resumed.ExchangeOrderId, cancellationToken).ConfigureAwait(false);
            }
            catch (ExchangeApiException e) when (e.Code == -2013)
            {
                logger.LogWarning("Order {Order} of the saved run is unknown to the exchange; it is no longer tracked", resumed.Id);
                continue;
            }

            var request = new OrderRequest(resumed.Side, resumed.Quantity, resumed.Type, resumed.LimitPrice, resumed.StopPrice);
            var order = new Order(resumed.Id, symbol, request, resumed.Quantity, OrderRole.Resumed, -1, resumed.PlacedAt);
            orders.Add(order);
            working.Add(order);
            exchangeIds[order.Id] = resumed.ExchangeOrderId;
        }
    }

    /// <summary><paramref name="state"/> with the venue's part: ids, trade cursor, holdings and the working orders the exchange holds.</summary>
    public RunState Save(RunState state) => state with
    {
        NextOrderId = nextId,
        NextTradeId = nextTradeId,
        Position = Position,
        Cash = Cash,
        WorkingOrders = working.Where(o => exchangeIds.ContainsKey(o.Id))
            .Select(o => new WorkingOrder(o.Id, exchangeIds[o.Id], o.Side, o.Type, o.Quantity, o.LimitPrice, o.StopPrice, o.PlacedAt,
                o.Role is OrderRole.Operator or OrderRole.Resumed))
            .ToArray(),
    };

    /// <summary>
    /// Reads the report of every working order sent; fills reported up to <paramref name="closeTime"/> (Unix ms, the
    /// candle's close) are booked on bar <paramref name="barIndex"/>, and every change waits for the next update.
    /// </summary>
    /// <exception cref="ExchangeApiException">The exchange failed.</exception>
    public async Task RefreshAsync(long closeTime, int barIndex, CancellationToken cancellationToken)
    {
        IReadOnlyList<TradeReport>? trades = null;
        foreach (var order in working.Where(o => exchangeIds.ContainsKey(o.Id)).ToArray())
        {
            var report = await client.GetOrderAsync(symbol, exchangeIds[order.Id], cancellationToken).ConfigureAwait(false);
            switch (report.Status)
            {
                case ExchangeOrderStatus.Filled when report.UpdateTime <= closeTime:
                    trades ??= await client.GetMyTradesAsync(symbol, nextTradeId, cancellationToken).ConfigureAwait(false);
                    Fill(order, report, trades.Where(t => t.OrderId == report.OrderId).ToArray(), barIndex);
                    break;
                case ExchangeOrderStatus.Canceled:
                    Close(order, OrderStatus.Cancelled, "cancelled on the exchange");
                    break;
                case ExchangeOrderStatus.Expired or ExchangeOrderStatus.ExpiredInMatch:
                    Close(order, OrderStatus.Expired, "expired on the exchange");
                    break;
                case ExchangeOrderStatus.Rejected:
                    Close(order, OrderStatus.Rejected, "rejected by the exchange");
                    break;
            }
        }

        if (trades is { Count: > 0 })
        {
            nextTradeId = trades.Max(t => t.Id) + 1;
        }
    }

    /// <summary>
    /// Sends the queued cancels, then the queued orders. An order the exchange refuses (a 4xx other than a rate limit
    /// or ban) comes back rejected through the next update; any other failure is thrown.
    /// </summary>
    /// <exception cref="ExchangeApiException">The exchange failed.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (order, reason) in cancelling.ToArray())
        {
            if (order.IsWorking && exchangeIds.TryGetValue(order.Id, out var exchangeId))
            {
                try
                {
                    await client.CancelOrderAsync(symbol, exchangeId, cancellationToken).ConfigureAwait(false);
                    Close(order, OrderStatus.Cancelled, reason);
                }
                catch (ExchangeApiException e) when (e.Code == -2011)
                {
                    logger.LogInformation("Order {Order} could not be cancelled: it is no longer working on the exchange", order.Id);
                }
            }
        }

        cancelling.Clear();
        foreach (var order in outgoing.ToArray())
        {
            outgoing.Remove(order);
            var request = new NewOrder(symbol, order.Side, order.Type, order.Quantity, order.LimitPrice, order.StopPrice,
                $"tg-{RunTag}-{order.Id.ToString(CultureInfo.InvariantCulture)}");
            try
            {
                var report = await client.PlaceOrderAsync(request, cancellationToken).ConfigureAwait(false);
                exchangeIds[order.Id] = report.OrderId;
                logger.LogInformation("{Side} {Type} order {Order} sent ({Mode})", order.Side, order.Type, order.Id, ModeWord);
                audit.Record(new AuditEvent("exchange", "exchange.order_sent", symbol, AuditOutcome.Success, "", new Dictionary<string, string>
                    { ["order"] = order.Id.ToString(CultureInfo.InvariantCulture), ["side"] = order.Side.ToString(), ["type"] = order.Type.ToString(), ["mode"] = ModeWord }));
            }
            catch (ExchangeApiException e) when (e.Status is { } status && (int)status is >= 400 and < 500 && e is not ExchangeBannedException && e.Code != -1003)
            {
                Close(order, OrderStatus.Rejected, $"the exchange refused it: {e.Code} {e.ExchangeMessage ?? "(no details)"}");
            }
        }
    }

    public void Update(in Bar bar, int barIndex, List<Order> changed)
    {
        changed.AddRange(reported);
        reported.Clear();
    }

    public Order Place(OrderRequest request, decimal quantity, OrderRole role, int barIndex, DateTime time, decimal referencePrice, string? refusal)
    {
        var order = new Order(nextId++, symbol, request, quantity, role, barIndex, time);
        orders.Add(order);
        refusal ??= role == OrderRole.Operator ? null : Refusal(request, quantity);
        if (refusal is not null)
        {
            order.Close(OrderStatus.Rejected, refusal);
            return order;
        }

        working.Add(order);
        outgoing.Add(order);
        return order;
    }

    public bool Cancel(Order order, string reason)
    {
        if (!order.IsWorking)
        {
            return false;
        }

        // Not sent yet: cancelled here. Sent: the cancel goes out with the next flush.
        if (outgoing.Remove(order))
        {
            order.Close(OrderStatus.Cancelled, reason);
            working.Remove(order);
        }
        else
        {
            cancelling.Add((order, reason));
        }

        return true;
    }

    private string ModeWord => RunStateFile.ModeWord(mode);

    private string? Refusal(OrderRequest request, decimal quantity) =>
        control.IsPaused ? "new orders are paused by the operator"
        : quantity <= 0 ? "the quantity must be above zero"
        : BinanceNames.Type(request.Type) is null ? $"{request.Type} orders have no exchange equivalent"
        : (request.Validity ?? OrderValidity.GoodTillCancelled) != OrderValidity.GoodTillCancelled ? "only good-till-cancelled orders are sent to exchanges"
        : request.Bracket is not null ? "protective exits are not sent to exchanges yet"
        : null;

    private void Fill(Order order, OrderReport report, TradeReport[] fills, int barIndex)
    {
        var commission = fills.Where(t => t.CommissionAsset == QuoteAsset).Sum(t => t.Commission);
        var baseCommission = fills.Where(t => t.CommissionAsset == BaseAsset).Sum(t => t.Commission);
        var sign = order.Side == OrderSide.Buy ? 1 : -1; // a commission in either asset is a cost on both sides
        Position += (sign * report.ExecutedQty) - baseCommission;
        Cash -= (sign * report.CummulativeQuoteQty) + commission;

        FillCount++;
        var time = DateTimeOffset.FromUnixTimeMilliseconds(report.UpdateTime).UtcDateTime;
        var price = report.AveragePrice!.Value;
        // A commission taken in the base asset is held back from the position: book what is held, and its cost in quote.
        // A sell beyond what this process bought sells a holding from before the run: only the process's part is booked.
        var booked = order.Side == OrderSide.Buy ? report.ExecutedQty - baseCommission : Math.Min(report.ExecutedQty, roundTrips.Position);
        if (booked > 0)
        {
            roundTrips.Apply(order.Side, booked, price, commission + (baseCommission * price), time, barIndex);
        }

        order.MarkFilled(price, commission, time, barIndex);
        working.Remove(order);
        reported.Add(order);
    }

    private void Close(Order order, OrderStatus status, string reason)
    {
        order.Close(status, reason);
        working.Remove(order);
        reported.Add(order);
    }
}
