using System.Globalization;
using System.Text.Json;

namespace Tradeguard.Gateway.Policy;

/// <summary>
/// One bot's trading as the gateway saw it: its orders (by the exchange's order id), its position per symbol, its
/// average cost, realised P&amp;L per UTC day, and the times of its recent orders. It learns from every order object in
/// the exchange's answers (new, query, cancel, open and all orders): when <c>executedQty</c> grew, that difference is a
/// fill, priced at the growth of <c>cummulativeQuoteQty</c>. Thread-safe.
/// </summary>
/// <remarks>Working orders are kept until they finish; of finished orders the last
/// <see cref="FinishedOrdersKept"/> are, so a bot can still query them. The position counts only what this bot bought and sold through the gateway since it started, so a bot
/// cannot sell what another bot (or the operator) holds in the same exchange account.</remarks>
public sealed class BotLedger(string bot, TimeProvider time)
{
    /// <summary>Finished orders kept for ownership checks (query, cancel, lists); older ones are forgotten so memory stays flat.</summary>
    public const int FinishedOrdersKept = 10_000;

    private readonly Lock _gate = new();
    private readonly Queue<long> _finished = new();
    private readonly Dictionary<long, TrackedOrder> _orders = [];
    private readonly Dictionary<string, (decimal Quantity, decimal Cost)> _positions = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _recentOrders = new();
    private readonly Dictionary<string, (decimal Buys, decimal Sells)> _working = new(StringComparer.Ordinal);
    private DateOnly _pnlDay;
    private decimal _pnlToday;
    private int _fills;

    /// <summary>The bot.</summary>
    public string Bot => bot;

    /// <summary>True when the bot placed <paramref name="orderId"/> through the gateway.</summary>
    public bool Owns(long orderId)
    {
        lock (_gate)
        {
            return _orders.ContainsKey(orderId);
        }
    }

    /// <summary>The bot's orders still working, as last seen.</summary>
    public IReadOnlyList<TrackedOrder> WorkingOrders()
    {
        lock (_gate)
        {
            return _orders.Values.Where(o => o.IsWorking).OrderBy(o => o.OrderId).ToArray();
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

    /// <summary>Position per symbol (base units, non-zero only).</summary>
    public IReadOnlyDictionary<string, decimal> Positions()
    {
        lock (_gate)
        {
            return _positions.Where(p => p.Value.Quantity != 0).ToDictionary(p => p.Key, p => p.Value.Quantity, StringComparer.Ordinal);
        }
    }

    /// <summary>Position in <paramref name="symbol"/>, and the quantities still working to buy and to sell.</summary>
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

    /// <summary>Learns from one order object of an exchange answer (<paramref name="placed"/>: the bot just placed it); returns the fill it reveals, if any.</summary>
    public ObservedFill? Observe(JsonElement order, bool placed)
    {
        if (order.ValueKind != JsonValueKind.Object || !order.TryGetProperty("orderId", out var idElement) || !idElement.TryGetInt64(out var id))
        {
            return null;
        }

        var seen = new TrackedOrder(id, Text(order, "symbol"), Text(order, "side"), Text(order, "type"), Number(order, "origQty"),
            Number(order, "executedQty"), Number(order, "cummulativeQuoteQty"), Text(order, "status"));
        lock (_gate)
        {
            if (_orders.TryGetValue(id, out var before))
            {
                CountWorking(before, -1);
            }
            else
            {
                if (!placed)
                {
                    return null; // another bot's order, or one from before the gateway started (or long forgotten)
                }

                before = seen with { Executed = 0, ExecutedQuote = 0 };
            }

            _orders[id] = seen;
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
            return new ObservedFill(bot, id, seen.Symbol, seen.Side, filled, price, pnl);
        }
    }

    // Running totals of working quantity per symbol and side, so the policy's position check is O(1) however many orders work.
    private void CountWorking(TrackedOrder order, int sign)
    {
        var (buys, sells) = _working.GetValueOrDefault(order.Symbol);
        _working[order.Symbol] = order.Side == "BUY" ? (buys + (sign * order.Remaining), sells) : (buys, sells + (sign * order.Remaining));
    }

    private void Forget(long finishedOrderId)
    {
        _finished.Enqueue(finishedOrderId);
        while (_finished.Count > FinishedOrdersKept)
        {
            _orders.Remove(_finished.Dequeue());
        }
    }

    private decimal Apply(string symbol, string side, decimal quantity, decimal price)
    {
        var (held, cost) = _positions.GetValueOrDefault(symbol);
        decimal pnl = 0;
        if (side == "BUY")
        {
            held += quantity;
            cost += quantity * price;
        }
        else
        {
            var average = held > 0 ? cost / held : price;
            var sold = Math.Min(quantity, Math.Max(held, 0));
            pnl = (price - average) * sold;
            cost -= average * sold;
            held -= quantity;
        }

        _positions[symbol] = (held, held <= 0 ? 0 : cost);
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
