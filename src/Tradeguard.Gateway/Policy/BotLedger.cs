using System.Globalization;
using System.Text.Json;

namespace Tradeguard.Gateway.Policy;

/// <summary>
/// One bot's trading as the gateway saw it: its orders (by symbol and the exchange's order id, <see cref="OrderKey"/>),
/// the quantities of its orders on their way to the exchange (<see cref="OrderReservation"/>), its position per symbol,
/// its average cost, realised P&amp;L per UTC day, and the times of its recent orders. It learns from every order object in
/// the exchange's answers (new, query, cancel, open and all orders): when <c>executedQty</c> grew, that difference is a
/// fill, priced at the growth of <c>cummulativeQuoteQty</c>. Thread-safe.
/// </summary>
/// <remarks>Working orders are kept until they finish; of finished orders the last
/// <see cref="FinishedOrdersKept"/> are, so a bot can still query them. The position counts only what this bot bought
/// and sold through the gateway, so a bot cannot sell what another bot (or the operator) holds in the same exchange
/// account. <see cref="Snapshot"/> and <see cref="Restore"/> carry it across a restart (<see cref="State.LedgerFile"/>).</remarks>
public sealed class BotLedger(string bot, TimeProvider time)
{
    /// <summary>Finished orders kept for ownership checks (query, cancel, lists); older ones are forgotten so memory stays flat.</summary>
    public const int FinishedOrdersKept = 10_000;

    /// <summary>Finished orders a <see cref="Snapshot"/> carries (the most recent), so the file stays small.</summary>
    public const int FinishedOrdersSaved = 1_000;

    private readonly Lock _gate = new();
    private readonly Queue<OrderKey> _finished = new();
    private readonly Dictionary<OrderKey, TrackedOrder> _orders = [];
    private readonly Dictionary<long, OrderReservation> _reservations = [];
    private readonly HashSet<long> _unknown = [];
    private readonly Dictionary<string, (decimal Quantity, decimal Cost, decimal TripPnl)> _positions = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _recentOrders = new();
    private readonly Dictionary<string, (decimal Buys, decimal Sells)> _working = new(StringComparer.Ordinal);
    private DateOnly _pnlDay;
    private decimal _pnlToday;
    private int _fills;
    private int _trades;
    private int _wins;
    private long _version;
    private long _lastReservation;

    /// <summary>The bot.</summary>
    public string Bot => bot;

    /// <summary>Grows with every change a <see cref="Snapshot"/> would carry, so a saver can tell whether to write.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The state to keep across a restart.</summary>
    public BotLedgerState Snapshot()
    {
        lock (_gate)
        {
            RollDay();
            var finished = _finished.Where(_orders.ContainsKey).TakeLast(FinishedOrdersSaved).Select(id => _orders[id]);
            var orders = _orders.Values.Where(o => o.IsWorking).OrderBy(o => o.Symbol, StringComparer.Ordinal).ThenBy(o => o.OrderId).Concat(finished).ToArray();
            var positions = _positions.Where(p => p.Value.Quantity != 0).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new HeldPosition(p.Key, p.Value.Quantity, p.Value.Cost, p.Value.TripPnl)).ToArray();
            // Every reservation, not only those already known to be unknown: one still in flight when the process dies is unknown after the restart.
            var pending = _reservations.Values.OrderBy(r => r.Id).ToArray();
            return new BotLedgerState(bot, orders, positions, _pnlDay, _pnlToday, _fills, _trades, _wins, Pending: pending);
        }
    }

    /// <summary>Takes up <paramref name="state"/> (this bot's, from before a restart); call before the ledger is used.</summary>
    /// <exception cref="ArgumentException">The state is another bot's.</exception>
    public void Restore(BotLedgerState state)
    {
        if (state.Bot != bot)
        {
            throw new ArgumentException($"the saved ledger is bot {state.Bot}'s, not {bot}'s", nameof(state));
        }

        lock (_gate)
        {
            foreach (var order in state.Orders)
            {
                _orders[order.Key] = order;
                CountWorking(order, +1);
                if (!order.IsWorking)
                {
                    Forget(order.Key);
                }
            }

            foreach (var position in state.Positions)
            {
                _positions[position.Symbol] = (position.Quantity, position.Cost, position.TripPnl);
            }

            foreach (var reservation in state.Pending ?? [])
            {
                _reservations[reservation.Id] = reservation;
                _unknown.Add(reservation.Id);
                CountWorking(reservation.Symbol, reservation.Side, reservation.Quantity);
                _lastReservation = Math.Max(_lastReservation, reservation.Id);
            }

            (_pnlDay, _pnlToday, _fills, _trades, _wins) = (state.PnlDay, state.PnlToday, state.Fills, state.Trades, state.Wins);
            RollDay();
        }
    }

    /// <summary>True when the bot placed order <paramref name="orderId"/> of <paramref name="symbol"/> through the gateway.</summary>
    public bool Owns(string symbol, long orderId)
    {
        lock (_gate)
        {
            return _orders.ContainsKey(new OrderKey(symbol, orderId));
        }
    }

    /// <summary>The id the bot gave order <paramref name="key"/> (its <c>newClientOrderId</c>); null when it gave none or the order is not its.</summary>
    public string? BotClientOrderIdOf(OrderKey key)
    {
        lock (_gate)
        {
            return _orders.TryGetValue(key, out var order) ? order.ClientOrderId : null;
        }
    }

    /// <summary>
    /// The bot's order of <paramref name="symbol"/> it gave the id <paramref name="botClientOrderId"/>: the working one if
    /// any, else the most recent (Binance refuses a repeated id only among open orders, so an id can name several).
    /// </summary>
    public OrderKey? OrderOf(string symbol, string botClientOrderId)
    {
        lock (_gate)
        {
            return _orders.Values.Where(o => o.Symbol == symbol && o.ClientOrderId == botClientOrderId)
                .OrderByDescending(o => o.IsWorking).ThenByDescending(o => o.OrderId).Select(o => (OrderKey?)o.Key).FirstOrDefault();
        }
    }

    /// <summary>True when the bot has working orders or orders of unknown outcome: something to ask the exchange about.</summary>
    public bool HasOrdersToCheck()
    {
        lock (_gate)
        {
            return _unknown.Count > 0 || _orders.Values.Any(o => o.IsWorking);
        }
    }

    /// <summary>The bot's orders still working, as last seen.</summary>
    public IReadOnlyList<TrackedOrder> WorkingOrders()
    {
        lock (_gate)
        {
            return _orders.Values.Where(o => o.IsWorking).OrderBy(o => o.Symbol, StringComparer.Ordinal).ThenBy(o => o.OrderId).ToArray();
        }
    }

    /// <summary>Counts of the bot's orders and fills as seen: (placed, working, fills).</summary>
    public (int Orders, int Working, int Fills) Counts()
    {
        lock (_gate)
        {
            return (_orders.Count, _orders.Values.Count(o => o.IsWorking), _fills);
        }
    }

    /// <summary>Round trips closed (a symbol's position from long back to flat or below) and how many made a net profit.</summary>
    public (int Trades, int Wins) RoundTrips()
    {
        lock (_gate)
        {
            return (_trades, _wins);
        }
    }

    /// <summary>Position per symbol (base units, non-zero only).</summary>
    public IReadOnlyDictionary<string, decimal> Positions()
    {
        lock (_gate)
        {
            return _positions.Where(p => p.Value.Quantity != 0).ToDictionary(p => p.Key, p => p.Value.Quantity, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Position in <paramref name="symbol"/>, and the quantities still working to buy and to sell (orders the exchange
    /// accepted, and reservations of orders on their way to it).
    /// </summary>
    public (decimal Position, decimal WorkingBuys, decimal WorkingSells) Exposure(string symbol)
    {
        lock (_gate)
        {
            var (buys, sells) = _working.GetValueOrDefault(symbol);
            return (_positions.GetValueOrDefault(symbol).Quantity, buys, sells);
        }
    }

    /// <summary>Realised P&amp;L of the current UTC day, quote currency (negative: a loss).</summary>
    public decimal PnlToday()
    {
        lock (_gate)
        {
            RollDay();
            return _pnlToday;
        }
    }

    /// <summary>Orders placed in the last minute.</summary>
    public int OrdersInLastMinute()
    {
        lock (_gate)
        {
            Prune();
            return _recentOrders.Count;
        }
    }

    /// <summary>
    /// Takes one slot of the per-minute order limit; false (nothing taken) when <paramref name="limit"/> orders were
    /// placed in the last minute.
    /// </summary>
    public bool TryTakeOrderSlot(int limit)
    {
        lock (_gate)
        {
            Prune();
            if (_recentOrders.Count >= limit)
            {
                return false;
            }

            _recentOrders.Enqueue(time.GetUtcNow());
            return true;
        }
    }

    /// <summary>
    /// Runs <paramref name="check"/> and, when it passes, reserves <paramref name="quantity"/> of the order, both under
    /// the ledger's lock: the limits <paramref name="check"/> reads (<see cref="Exposure"/>, <see cref="PnlToday"/>,
    /// <see cref="TryTakeOrderSlot"/>) cannot change between the check and the reservation, so concurrent orders of the
    /// bot are checked one after another, each counting the ones admitted before it.
    /// </summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="side"><c>BUY</c> or <c>SELL</c>.</param>
    /// <param name="type">The Binance order type.</param>
    /// <param name="quantity">Base quantity to hold (positive).</param>
    /// <param name="check">The policy: null to admit, or the refusal. Must not block.</param>
    /// <param name="clientOrderId">The gateway's <c>newClientOrderId</c> for the order.</param>
    /// <param name="botClientOrderId">The bot's own id for it, or null. One the bot already gave an order still working (or
    /// whose outcome is unknown) is refused as Binance refuses it, -2010 "Duplicate order sent.", so a bot that resends an
    /// order after an unknown outcome, with the same id, cannot place it twice.</param>
    /// <param name="acceptableUntilUnixMs">See <see cref="OrderReservation.AcceptableUntilUnixMs"/>.</param>
    /// <returns>The reservation, or the refusal (nothing reserved).</returns>
    public (OrderReservation? Reservation, Exchange.Binance.BinanceError? Refusal) Reserve(string symbol, string side, string type, decimal quantity,
        Func<Exchange.Binance.BinanceError?> check, string clientOrderId = "", string? botClientOrderId = null, long acceptableUntilUnixMs = 0)
    {
        lock (_gate)
        {
            if (botClientOrderId is not null && (_orders.Values.Any(o => o.IsWorking && o.ClientOrderId == botClientOrderId)
                                                 || _reservations.Values.Any(r => r.BotClientOrderId == botClientOrderId)))
            {
                return (null, DuplicateOrder);
            }

            if (check() is { } refusal)
            {
                return (null, refusal);
            }

            var reservation = new OrderReservation(++_lastReservation, symbol, side, type, quantity, clientOrderId, botClientOrderId, acceptableUntilUnixMs);
            _reservations[reservation.Id] = reservation;
            CountWorking(symbol, side, quantity);
            return (reservation, null);
        }
    }

    /// <summary>Drops a reservation whose order the exchange refused (a 4xx answer), or does not know once it can no longer place it: the order does not exist.</summary>
    public void Release(OrderReservation reservation)
    {
        lock (_gate)
        {
            if (_reservations.Remove(reservation.Id))
            {
                CountWorking(reservation.Symbol, reservation.Side, -reservation.Quantity);
                if (_unknown.Remove(reservation.Id))
                {
                    Interlocked.Increment(ref _version);
                }
            }
        }
    }

    /// <summary>
    /// Marks <paramref name="reservation"/> as an order whose outcome is unknown (no answer, a 5xx, an answer without an
    /// order id): it stays held, and the fill watcher asks the exchange about it (<see cref="UnknownOutcomes"/>).
    /// </summary>
    public void MarkUnknown(OrderReservation reservation)
    {
        lock (_gate)
        {
            if (_reservations.ContainsKey(reservation.Id) && _unknown.Add(reservation.Id))
            {
                Interlocked.Increment(ref _version);
            }
        }
    }

    /// <summary>Reservations marked unknown (<see cref="MarkUnknown"/>, or restored from the ledger file), oldest first.</summary>
    public IReadOnlyList<OrderReservation> UnknownOutcomes()
    {
        lock (_gate)
        {
            return _reservations.Values.Where(r => _unknown.Contains(r.Id)).OrderBy(r => r.Id).ToArray();
        }
    }

    /// <summary>Reservations whose outcome is unknown (no answer, a 5xx, or an answer without an order id), held against the limits.</summary>
    public IReadOnlyList<OrderReservation> HeldReservations()
    {
        lock (_gate)
        {
            return _reservations.Values.OrderBy(r => r.Id).ToArray();
        }
    }

    /// <summary>
    /// Replaces <paramref name="reservation"/> by the order the exchange's answer <paramref name="order"/> describes, and
    /// returns the fill it reveals, if any. Whatever the answer leaves out is filled in conservatively: no quantity means
    /// the reserved one, no status means still working (so the fill watcher asks the exchange about it). An answer
    /// without an order id cannot be tracked: the reservation is then kept (see <see cref="HeldReservations"/>).
    /// </summary>
    /// <returns>The fill, and whether the reservation was settled.</returns>
    public (ObservedFill? Fill, bool Settled) Settle(OrderReservation reservation, JsonElement order)
    {
        if (order.ValueKind != JsonValueKind.Object || !order.TryGetProperty("orderId", out var idElement) || !idElement.TryGetInt64(out var id))
        {
            return (null, false);
        }

        lock (_gate)
        {
            if (!_reservations.Remove(reservation.Id))
            {
                return (null, false);
            }

            CountWorking(reservation.Symbol, reservation.Side, -reservation.Quantity);
            _unknown.Remove(reservation.Id);
            var seen = Read(order, id);
            seen = seen with
            {
                ClientOrderId = reservation.BotClientOrderId,
                Symbol = reservation.Symbol,
                Side = reservation.Side,
                Type = seen.Type.Length == 0 ? reservation.Type : seen.Type,
                Quantity = seen.Quantity > 0 ? seen.Quantity : reservation.Quantity,
            };
            return (Learn(seen, placed: true), true);
        }
    }

    /// <summary>Learns from one order object of an exchange answer (<paramref name="placed"/>: the bot just placed it); returns the fill it reveals, if any.</summary>
    public ObservedFill? Observe(JsonElement order, bool placed)
    {
        if (order.ValueKind != JsonValueKind.Object || !order.TryGetProperty("orderId", out var idElement) || !idElement.TryGetInt64(out var id))
        {
            return null;
        }

        var seen = Read(order, id);
        lock (_gate)
        {
            return Learn(seen, placed);
        }
    }

    private static readonly Exchange.Binance.BinanceError DuplicateOrder = Exchange.Binance.BinanceErrors.OrderRejected("Duplicate order sent.");

    private static TrackedOrder Read(JsonElement order, long id) =>
        new(id, Text(order, "symbol"), Text(order, "side"), Text(order, "type"), Number(order, "origQty"),
            Number(order, "executedQty"), Number(order, "cummulativeQuoteQty"), Text(order, "status"));

    // Under _gate.
    private ObservedFill? Learn(TrackedOrder seen, bool placed)
    {
        var id = seen.Key;
        if (_orders.TryGetValue(id, out var before))
        {
            seen = seen with { ClientOrderId = before.ClientOrderId }; // the exchange knows only the gateway's id
            if (before == seen)
            {
                return null; // seen again unchanged (an order list polled)
            }

            CountWorking(before, -1);
        }
        else
        {
            if (!placed)
            {
                return null; // another bot's order, or one placed outside the gateway (or long forgotten)
            }

            before = seen with { Executed = 0, ExecutedQuote = 0 };
        }

        _orders[id] = seen;
        Interlocked.Increment(ref _version);
        CountWorking(seen, +1);
        if (!seen.IsWorking && (before.IsWorking || placed))
        {
            Forget(id);
        }

        var filled = seen.Executed - before.Executed;
        if (filled <= 0)
        {
            return null;
        }

        var price = (seen.ExecutedQuote - before.ExecutedQuote) / filled;
        var pnl = Apply(seen.Symbol, seen.Side, filled, price);
        _fills++;
        return new ObservedFill(bot, seen.OrderId, seen.Symbol, seen.Side, filled, price, pnl);
    }

    /// <summary>
    /// Ends a working order the exchange no longer knows (e.g. a sandbox that restarted): kept as <c>EXPIRED</c> with what
    /// it had filled, so it stops counting against the position limit and no one tries to cancel it.
    /// </summary>
    /// <returns>True when it was a working order of this bot.</returns>
    public bool MarkGone(OrderKey key)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(key, out var order) || !order.IsWorking)
            {
                return false;
            }

            CountWorking(order, -1);
            _orders[key] = order with { Status = "EXPIRED" };
            Interlocked.Increment(ref _version);
            Forget(key);
            return true;
        }
    }

    // Running totals of working quantity per symbol and side, so the policy's position check is O(1) however many orders work.
    private void CountWorking(TrackedOrder order, int sign) => CountWorking(order.Symbol, order.Side, sign * order.Remaining);

    private void CountWorking(string symbol, string side, decimal quantity)
    {
        var (buys, sells) = _working.GetValueOrDefault(symbol);
        _working[symbol] = side == "BUY" ? (buys + quantity, sells) : (buys, sells + quantity);
    }

    private void Forget(OrderKey finishedOrderId)
    {
        _finished.Enqueue(finishedOrderId);
        while (_finished.Count > FinishedOrdersKept)
        {
            _orders.Remove(_finished.Dequeue());
        }
    }

    private decimal Apply(string symbol, string side, decimal quantity, decimal price)
    {
        var (held, cost, tripPnl) = _positions.GetValueOrDefault(symbol);
        decimal pnl = 0;
        if (side == "BUY")
        {
            tripPnl = held > 0 ? tripPnl : 0; // a round trip starts from flat
            held += quantity;
            cost += quantity * price;
        }
        else
        {
            var average = held > 0 ? cost / held : price;
            var sold = Math.Min(quantity, Math.Max(held, 0));
            pnl = (price - average) * sold;
            cost -= average * sold;
            tripPnl += pnl;
            if (held > 0 && held - quantity <= 0)
            {
                _trades++;
                _wins += tripPnl > 0 ? 1 : 0;
            }

            held -= quantity;
        }

        _positions[symbol] = (held, held <= 0 ? 0 : cost, tripPnl);
        RollDay();
        _pnlToday += pnl;
        return pnl;
    }

    private void RollDay()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (today != _pnlDay)
        {
            _pnlDay = today;
            _pnlToday = 0;
        }
    }

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromMinutes(1);
        while (_recentOrders.TryPeek(out var at) && at <= cutoff)
        {
            _recentOrders.Dequeue();
        }
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;

    private static decimal Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String &&
        decimal.TryParse(v.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : 0;
}
