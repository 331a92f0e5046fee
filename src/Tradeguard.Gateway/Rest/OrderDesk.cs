using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tradeguard.Core.Audit;
using Tradeguard.Exchange.Binance;
using Tradeguard.Gateway.Config;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Journal;
using Tradeguard.Gateway.Policy;
using Tradeguard.Gateway.Upstream;

namespace Tradeguard.Gateway.Rest;

/// <summary>
/// The signed trading endpoints for authenticated bots: applies each bot's policy to new orders, keeps a bot to its
/// own orders (query and cancel need an <c>orderId</c> the bot placed; order and trade lists are filtered to its
/// orders), forwards upstream re-signed, learns fills from every answer, and carries out the operator's stop and
/// close-all at the exchange. Thread-safe.
/// </summary>
public sealed class OrderDesk : IBotOrderActions
{
    /// <summary>Binance's answer when an order was sent but its outcome is unknown (-1007, rest-api.md "Error codes").</summary>
    public static readonly BinanceError OutcomeUnknown = new(-1007, 503, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");

    private readonly GatewayConfig _config;
    private readonly UpstreamExchange _upstream;
    private readonly ControlBoard _board;
    private readonly GatewayJournal _journal;
    private readonly PriceBook _prices;
    private readonly Dictionary<string, BotLedger> _ledgers;
    private readonly TimeProvider _time;

    /// <summary>Creates the desk and attaches it to <paramref name="board"/> as the executor of stop and close-all.</summary>
    public OrderDesk(GatewayConfig config, UpstreamExchange upstream, ControlBoard board, GatewayJournal journal, TimeProvider time)
    {
        _config = config;
        _upstream = upstream;
        _board = board;
        _journal = journal;
        _prices = new PriceBook(upstream, time);
        _time = time;
        _ledgers = config.BotNames.ToDictionary(b => b, b => new BotLedger(b, time), StringComparer.Ordinal);
        board.Attach(this);
    }

    /// <summary>The ledger of <paramref name="bot"/> (orders, fills, position as the gateway saw them).</summary>
    public BotLedger LedgerOf(string bot) => _ledgers[bot];

    /// <summary>
    /// <c>POST /api/v3/order</c>: the policy admits the order and reserves its quantity at once; it goes upstream asking
    /// for the <c>FULL</c> answer with the gateway's own <c>newClientOrderId</c> (<see cref="OrderResponseTypes.ForwardFull"/>),
    /// and the answer settles the reservation (a 2xx order), releases it (a 4xx refusal) or leaves it held as an order of
    /// unknown outcome (no answer, a 5xx, an answer without an order id: the order may exist), which
    /// <see cref="ResolveUnknownAsync"/> then asks the exchange about. The bot gets the answer in the shape it asked for,
    /// with its own client order id.
    /// </summary>
    public async Task NewOrderAsync(HttpContext context, string bot, BinanceRequest request)
    {
        var (ticket, error) = OrderTicket.Parse(request);
        var (shape, shapeError) = ticket is null ? default : OrderResponseTypes.Requested(request, ticket.Type);
        if (ticket is null || shapeError is not null)
        {
            await GatewayAnswer.ErrorAsync(context, error ?? shapeError!).ConfigureAwait(false);
            return;
        }

        var ledger = _ledgers[bot];
        var policy = _config.PolicyOf(bot)!;
        decimal lastPrice = 0;
        if (ticket.NeedsMarketPrice && policy.Symbols!.Contains(ticket.Symbol, StringComparer.Ordinal))
        {
            (lastPrice, var priceError) = await _prices.LastPriceAsync(ticket.Symbol, context.RequestAborted).ConfigureAwait(false);
            if (priceError is not null)
            {
                _journal.OrderRefused(bot, ticket, priceError);
                await GatewayAnswer.ErrorAsync(context, priceError).ConfigureAwait(false);
                return;
            }
        }

        var clientOrderId = ClientOrderIds.New();
        var (reservation, refusal) = OrderPolicy.Admit(policy, () => _board.StateOf(bot), ledger, ticket, lastPrice, clientOrderId, AcceptableUntil(request));
        if (reservation is null)
        {
            _journal.OrderRefused(bot, ticket, refusal!);
            await GatewayAnswer.ErrorAsync(context, refusal!).ConfigureAwait(false);
            return;
        }

        UpstreamResponse response;
        try
        {
            // Not cut short when the bot hangs up: the answer is what settles the reservation (the client's timeout bounds it).
            response = await _upstream.SendSignedAsync(HttpMethod.Post, "/api/v3/order", OrderResponseTypes.ForwardFull(request, clientOrderId), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (UpstreamUnavailableException e)
        {
            ledger.MarkUnknown(reservation);
            _journal.OrderSent(bot, ticket, accepted: false, e.Message + "; its quantity stays held until the exchange says what became of it");
            await GatewayAnswer.ErrorAsync(context, OutcomeUnknown).ConfigureAwait(false);
            return;
        }

        using var order = response.IsSuccess ? Parse(response) : null;
        if (order is not null && ledger.Settle(reservation, order.RootElement) is { Settled: true } settled)
        {
            _journal.OrderSent(bot, ticket, accepted: true, Text(order.RootElement, "status"));
            await LearnAsync(bot, settled.Fill).ConfigureAwait(false);
            await GatewayAnswer.UpstreamAsync(context, response with { Body = OrderResponseTypes.Shape(order.RootElement, shape, ticket.ClientOrderId) }).ConfigureAwait(false);
            return;
        }

        if (response.Status is >= 400 and < 500)
        {
            ledger.Release(reservation); // Binance: a 4xx is the sender's fault, the order was not placed (rest-api.md "HTTP Return Codes")
        }
        else
        {
            ledger.MarkUnknown(reservation);
        }

        _journal.OrderSent(bot, ticket, accepted: false, response.IsSuccess ? "answer without an order id; its quantity stays held until the exchange says what became of it" : ErrorText(response));
        await GatewayAnswer.UpstreamAsync(context, response).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>GET /api/v3/order</c> and <c>DELETE /api/v3/order</c>: only for an order the bot placed, named by its symbol and
    /// <c>orderId</c> or by the bot's own <c>origClientOrderId</c> (sent upstream as the order's <c>orderId</c>, since the
    /// exchange knows the gateway's client id); any other is answered as Binance answers an order that does not exist
    /// (-2013 query, -2011 cancel) without asking the exchange.
    /// </summary>
    public async Task OneOrderAsync(HttpContext context, string bot, BinanceRequest request, bool cancel)
    {
        var symbol = request.Single("symbol") ?? string.Empty;
        var ledger = _ledgers[bot];
        if (!request.Values.ContainsKey("orderId") && request.Single("origClientOrderId") is { } botClientId && ledger.OrderOf(symbol, botClientId) is { } named)
        {
            request = ForwardedParameters.Rewrite(request, ("origClientOrderId", null), ("orderId", named.OrderId.ToString(CultureInfo.InvariantCulture)));
        }

        var orderIdText = request.Single("orderId");
        if (!long.TryParse(orderIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId) || !ledger.Owns(symbol, orderId))
        {
            var error = orderIdText is null && request.Single("origClientOrderId") is null
                ? BinanceErrors.Mandatory("orderId")
                : cancel ? BinanceErrors.UnknownOrder : BinanceErrors.NoSuchOrder;
            if (cancel)
            {
                _journal.Cancel(bot, symbol, orderIdText ?? "(none)", AuditOutcome.Denied, orderIdText is null ? "no orderId" : "not an order of this bot");
            }

            await GatewayAnswer.ErrorAsync(context, error).ConfigureAwait(false);
            return;
        }

        var response = await SendAsync(context, cancel ? HttpMethod.Delete : HttpMethod.Get, "/api/v3/order", request).ConfigureAwait(false);
        if (response is null)
        {
            if (cancel)
            {
                _journal.Cancel(bot, symbol, orderIdText!, AuditOutcome.Failure, "exchange unreachable");
            }

            return;
        }

        if (cancel)
        {
            _journal.Cancel(bot, symbol, orderIdText!, response.IsSuccess ? AuditOutcome.Success : AuditOutcome.Failure, response.IsSuccess ? "" : ErrorText(response));
        }

        using var order = response.IsSuccess ? Parse(response) : null;
        if (order is not null)
        {
            await ObserveAsync(bot, order.RootElement, placed: false).ConfigureAwait(false);
            response = response with { Body = BotOrderView.Bytes(order.RootElement, ledger.BotClientOrderIdOf(new OrderKey(symbol, orderId))) };
        }

        await GatewayAnswer.UpstreamAsync(context, response).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>GET /api/v3/openOrders</c>, <c>/allOrders</c> and <c>/myTrades</c>: the account's list, filtered to the bot's own
    /// orders (by symbol and order id). A list of a symbol the bot may not trade is refused (-2015, 403) without asking
    /// the exchange; <c>openOrders</c> without a symbol lists the bot's own orders of every symbol.
    /// </summary>
    public async Task ListAsync(HttpContext context, string bot, BinanceRequest request, string path, bool trades)
    {
        if (request.Values.ContainsKey("symbol") && !MayTrade(bot, request.Single("symbol")))
        {
            await GatewayAnswer.ErrorAsync(context, BinanceErrors.NotPermitted(
                $"symbol {Printable(request.Single("symbol"))} is not in this bot's allowed symbols")).ConfigureAwait(false);
            return;
        }

        var response = await SendAsync(context, HttpMethod.Get, path, request).ConfigureAwait(false);
        if (response is null)
        {
            return;
        }

        using var list = response.IsSuccess ? Parse(response) : null;
        if (list is null || list.RootElement.ValueKind != JsonValueKind.Array)
        {
            await GatewayAnswer.UpstreamAsync(context, response).ConfigureAwait(false);
            return;
        }

        var ledger = _ledgers[bot];
        var kept = new List<JsonElement>();
        foreach (var item in list.RootElement.EnumerateArray())
        {
            if (Key(item) is { } key && ledger.Owns(key.Symbol, key.OrderId))
            {
                kept.Add(item);
                if (!trades)
                {
                    await ObserveAsync(bot, item, placed: false).ConfigureAwait(false);
                }
            }
        }

        await GatewayAnswer.ArrayAsync(context, response, kept, item => Key(item) is { } key ? ledger.BotClientOrderIdOf(key) : null).ConfigureAwait(false);
    }

    /// <summary>Any other allowed signed endpoint (<c>GET /api/v3/account</c>): forwarded as it is.</summary>
    public async Task ForwardAsync(HttpContext context, BinanceRequest request, HttpMethod method, string path)
    {
        if (await SendAsync(context, method, path, request).ConfigureAwait(false) is { } response)
        {
            await GatewayAnswer.UpstreamAsync(context, response).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<string> CancelWorkingOrdersAsync(string bot, CancellationToken cancellationToken)
    {
        var working = _ledgers[bot].WorkingOrders();
        var cancelled = 0;
        foreach (var order in working)
        {
            if (await CancelOwnAsync(bot, order, cancellationToken).ConfigureAwait(false))
            {
                cancelled++;
            }
        }

        return $"{bot}: {cancelled} of {working.Count} working order(s) cancelled.";
    }

    /// <inheritdoc />
    public async Task<string> CloseAllAsync(string bot, CancellationToken cancellationToken)
    {
        var cancelled = await CancelWorkingOrdersAsync(bot, cancellationToken).ConfigureAwait(false);
        var sold = new List<string>();
        // Only the bot's own positions in symbols it may trade: a position in any other symbol is not this bot's to sell.
        foreach (var (symbol, quantity) in _ledgers[bot].Positions().Where(p => p.Value > 0 && MayTrade(bot, p.Key)))
        {
            var ticket = new OrderTicket(symbol, "SELL", "MARKET", quantity, null, null, null);
            try
            {
                var response = await _upstream.SendOwnSignedAsync(HttpMethod.Post, "/api/v3/order",
                [
                    new("symbol", symbol), new("side", "SELL"), new("type", "MARKET"), new("quantity", quantity.ToString(CultureInfo.InvariantCulture)),
                ], cancellationToken).ConfigureAwait(false);
                using var order = response.IsSuccess ? Parse(response) : null;
                _journal.OrderSent(bot, ticket, order is not null, order is null ? ErrorText(response) : Text(order.RootElement, "status"));
                if (order is not null)
                {
                    await ObserveAsync(bot, order.RootElement, placed: true).ConfigureAwait(false);
                    sold.Add(symbol);
                }
            }
            catch (UpstreamUnavailableException e)
            {
                _journal.OrderSent(bot, ticket, accepted: false, e.Message);
            }
        }

        return $"{cancelled} Market sell sent for {(sold.Count == 0 ? "no position" : string.Join(", ", sold))}.";
    }

    /// <summary>
    /// Brings <paramref name="bot"/>'s working orders (restored after a restart) up to date with the exchange: fills that
    /// happened while the gateway was down are learnt (and can engage the kill switch); an order the exchange no longer
    /// knows (-2013) is ended (<see cref="BotLedger.MarkGone"/>); an unreachable exchange leaves the order as it was.
    /// </summary>
    /// <returns>One line: how many orders were checked, filled meanwhile, unknown, or could not be checked, and how many of unknown outcome were resolved.</returns>
    public async Task<string> ReconcileAsync(string bot, CancellationToken cancellationToken)
    {
        var ledger = _ledgers[bot];
        var unknown = ledger.UnknownOutcomes().Count;
        var resolved = await ResolveUnknownAsync(bot, cancellationToken).ConfigureAwait(false);
        var working = ledger.WorkingOrders();
        var fillsBefore = ledger.Counts().Fills;
        var outcomes = new List<OrderCheck>();
        foreach (var order in working)
        {
            outcomes.Add(await CheckOrderAsync(bot, order, cancellationToken).ConfigureAwait(false));
        }

        return $"{bot}: {working.Count} working order(s) checked with the exchange, {ledger.Counts().Fills - fillsBefore} fill(s) meanwhile, " +
               $"{outcomes.Count(o => o == OrderCheck.Gone)} unknown there (ended), {outcomes.Count(o => o == OrderCheck.NotChecked)} not checked; " +
               $"{resolved} of {unknown} order(s) of unknown outcome resolved.";
    }

    /// <summary>
    /// Resolves <paramref name="bot"/>'s orders of unknown outcome (<see cref="BotLedger.UnknownOutcomes"/>): one
    /// <c>GET /api/v3/order?origClientOrderId=</c> each, by the gateway's own client id. An order the exchange has settles
    /// the reservation (the bot owns it from then on; fills it made are learnt); one it does not know (-2013) releases the
    /// reservation once the exchange can no longer place it (<see cref="OrderReservation.AcceptableUntilUnixMs"/>);
    /// anything else (unreachable, 5xx) leaves it held for the next try.
    /// </summary>
    /// <returns>Reservations resolved (settled or released).</returns>
    public async Task<int> ResolveUnknownAsync(string bot, CancellationToken cancellationToken)
    {
        var ledger = _ledgers[bot];
        var resolved = 0;
        foreach (var reservation in ledger.UnknownOutcomes().Where(r => r.ClientOrderId.Length > 0))
        {
            var ticket = new OrderTicket(reservation.Symbol, reservation.Side, reservation.Type, reservation.Quantity, null, null, null);
            try
            {
                var response = await _upstream.SendOwnSignedAsync(HttpMethod.Get, "/api/v3/order",
                    [new("symbol", reservation.Symbol), new("origClientOrderId", reservation.ClientOrderId)], cancellationToken).ConfigureAwait(false);
                using var answer = Parse(response);
                if (response.IsSuccess && answer is not null && Text(answer.RootElement, "clientOrderId") == reservation.ClientOrderId
                    && ledger.Settle(reservation, answer.RootElement) is { Settled: true } settled)
                {
                    _journal.OrderSent(bot, ticket, accepted: true, Text(answer.RootElement, "status"));
                    await LearnAsync(bot, settled.Fill).ConfigureAwait(false);
                    resolved++;
                }
                else if (IsNoSuchOrder(answer) && _time.GetUtcNow().ToUnixTimeMilliseconds() > reservation.AcceptableUntilUnixMs)
                {
                    ledger.Release(reservation);
                    _journal.OrderSent(bot, ticket, accepted: false, "the exchange never placed it; its quantity is no longer held");
                    resolved++;
                }
            }
            catch (UpstreamUnavailableException)
            {
                // Still unknown: the next check asks again.
            }
        }

        return resolved;
    }

    /// <summary>
    /// Learns the fills of <paramref name="bot"/>'s working orders without waiting for the bot to ask: first its orders
    /// of unknown outcome are resolved (<see cref="ResolveUnknownAsync"/>), then one <c>openOrders</c> per symbol (its
    /// order objects carry partial fills), then one query for each working order that is no longer open (filled,
    /// cancelled or expired). Keeps positions, P&amp;L and so <c>maxDailyLoss</c> true for a bot that never polls its orders.
    /// </summary>
    /// <returns>Fills learnt.</returns>
    public async Task<int> RefreshWorkingAsync(string bot, CancellationToken cancellationToken)
    {
        var ledger = _ledgers[bot];
        var fillsBefore = ledger.Counts().Fills;
        await ResolveUnknownAsync(bot, cancellationToken).ConfigureAwait(false);
        foreach (var symbol in ledger.WorkingOrders().Select(o => o.Symbol).Distinct(StringComparer.Ordinal))
        {
            HashSet<long> open;
            try
            {
                var response = await _upstream.SendOwnSignedAsync(HttpMethod.Get, "/api/v3/openOrders", [new("symbol", symbol)], cancellationToken).ConfigureAwait(false);
                using var list = response.IsSuccess ? Parse(response) : null;
                if (list is null || list.RootElement.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                open = [];
                foreach (var item in list.RootElement.EnumerateArray())
                {
                    if (Key(item) is { } key && ledger.Owns(key.Symbol, key.OrderId))
                    {
                        open.Add(key.OrderId);
                        await ObserveAsync(bot, item, placed: false).ConfigureAwait(false);
                    }
                }
            }
            catch (UpstreamUnavailableException)
            {
                continue;
            }

            foreach (var order in ledger.WorkingOrders().Where(o => o.Symbol == symbol && !open.Contains(o.OrderId)))
            {
                await CheckOrderAsync(bot, order, cancellationToken).ConfigureAwait(false);
            }
        }

        return ledger.Counts().Fills - fillsBefore;
    }

    private enum OrderCheck
    {
        Seen,
        Gone,
        NotChecked,
    }

    // Asks the exchange for one order and learns from the answer.
    private async Task<OrderCheck> CheckOrderAsync(string bot, TrackedOrder order, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _upstream.SendOwnSignedAsync(HttpMethod.Get, "/api/v3/order",
                [new("symbol", order.Symbol), new("orderId", order.OrderId.ToString(CultureInfo.InvariantCulture))], cancellationToken).ConfigureAwait(false);
            using var answer = Parse(response);
            if (response.IsSuccess && answer is not null)
            {
                await ObserveAsync(bot, answer.RootElement, placed: false).ConfigureAwait(false);
                return OrderCheck.Seen;
            }

            return IsNoSuchOrder(answer) && _ledgers[bot].MarkGone(order.Key) ? OrderCheck.Gone : OrderCheck.NotChecked;
        }
        catch (UpstreamUnavailableException)
        {
            return OrderCheck.NotChecked;
        }
    }

    private async Task<bool> CancelOwnAsync(string bot, TrackedOrder order, CancellationToken cancellationToken)
    {
        var id = order.OrderId.ToString(CultureInfo.InvariantCulture);
        try
        {
            var response = await _upstream.SendOwnSignedAsync(HttpMethod.Delete, "/api/v3/order", [new("symbol", order.Symbol), new("orderId", id)], cancellationToken)
                .ConfigureAwait(false);
            _journal.Cancel(bot, order.Symbol, id, response.IsSuccess ? AuditOutcome.Success : AuditOutcome.Failure, response.IsSuccess ? "by the operator" : ErrorText(response));
            using var answer = response.IsSuccess ? Parse(response) : null;
            if (answer is not null)
            {
                await ObserveAsync(bot, answer.RootElement, placed: false).ConfigureAwait(false);
            }

            return response.IsSuccess;
        }
        catch (UpstreamUnavailableException e)
        {
            _journal.Cancel(bot, order.Symbol, id, AuditOutcome.Failure, e.Message);
            return false;
        }
    }

    private Task ObserveAsync(string bot, JsonElement order, bool placed) => LearnAsync(bot, _ledgers[bot].Observe(order, placed));

    // Journals a fill and engages the kill switch when it took the day's loss to the limit.
    private async Task LearnAsync(string bot, ObservedFill? fill)
    {
        var ledger = _ledgers[bot];
        if (fill is null)
        {
            return;
        }

        _journal.Fill(fill);
        var limit = _config.PolicyOf(bot)!.MaxDailyLoss!.Value;
        var loss = -ledger.PnlToday();
        if (loss >= limit && _board.StateOf(bot) != BotRunState.Stopped)
        {
            var reason = $"today's realised loss {loss.ToString("0.########", CultureInfo.InvariantCulture)} reached maxDailyLoss {limit.ToString(CultureInfo.InvariantCulture)}";
            _journal.KillSwitch(bot, reason);
            await _board.StopAsync(bot, "policy:maxDailyLoss", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<UpstreamResponse?> SendAsync(HttpContext context, HttpMethod method, string path, BinanceRequest request)
    {
        try
        {
            return await _upstream.SendSignedAsync(method, path, request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (UpstreamUnavailableException)
        {
            await GatewayAnswer.ErrorAsync(context, BinanceErrors.UpstreamUnavailable).ConfigureAwait(false);
            return null;
        }
    }

    // The time after which the exchange refuses the request: its timestamp plus recvWindow (Binance's default when it names
    // none); both were checked by the authenticator (BinanceRequestCheck).
    private static long AcceptableUntil(BinanceRequest request) =>
        long.Parse(request.Single("timestamp")!, CultureInfo.InvariantCulture)
        + (long.TryParse(request.Single("recvWindow"), NumberStyles.None, CultureInfo.InvariantCulture, out var window) ? window : BinanceRequestCheck.DefaultRecvWindowMs);

    private static bool IsNoSuchOrder(JsonDocument? answer) =>
        answer is not null && answer.RootElement.ValueKind == JsonValueKind.Object && answer.RootElement.TryGetProperty("code", out var code)
        && code.TryGetInt32(out var c) && c == BinanceErrors.NoSuchOrder.Code;

    private bool MayTrade(string bot, string? symbol) => symbol is not null && _config.PolicyOf(bot)!.Symbols!.Contains(symbol, StringComparer.Ordinal);

    // An order object's identity, when it names one.
    private static OrderKey? Key(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("orderId", out var id) && id.TryGetInt64(out var orderId)
            ? new OrderKey(Text(item, "symbol"), orderId)
            : null;

    // Symbols are bot-controlled: keep what is echoed short and printable.
    private static string Printable(string? text) => new((text ?? string.Empty).Where(c => c is > ' ' and < (char)127).Take(20).ToArray());

    private static JsonDocument? Parse(UpstreamResponse response)
    {
        try
        {
            return JsonDocument.Parse(response.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;

    private static string ErrorText(UpstreamResponse response)
    {
        using var json = Parse(response);
        return json is not null && json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("msg", out var msg)
            ? $"HTTP {response.Status.ToString(CultureInfo.InvariantCulture)}: {msg}"
            : $"HTTP {response.Status.ToString(CultureInfo.InvariantCulture)}";
    }
}
