using Tradeguard.Trading.Collections;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Broker;

/// <summary>
/// Simulated fills against bars, following backtrader's BackBroker conventions. An order placed on bar t first
/// works on bar t+1:
/// <list type="bullet">
/// <item>Market: the bar's open. Close: the bar's close.</item>
/// <item>Limit buy at L: the open if Open ≤ L (a gap down fills at the better open), else L if Low ≤ L. Sell mirrors it.</item>
/// <item>Stop buy at S: the open if Open ≥ S (a gap through the stop fills at the worse open), else S if High ≥ S. Sell mirrors it.</item>
/// <item>Stop-limit buy: once triggered as a stop, fills as a limit at L on the same bar: at the open if it triggered
/// at the open and Open ≤ L, else at min(S, L) if Low ≤ L. Sell mirrors it.</item>
/// </list>
/// Slippage moves the price against the trader within the bar's range; commission is charged per fill. Buys that
/// would cost more than the cash are rejected (at placing, at the reference price, and again at the fill), sells of
/// more than the position are rejected (no short selling). Order status changes are handed back to the engine,
/// which tells the strategy before its next bar.
/// </summary>
public sealed class PaperBroker
{
    private readonly Portfolio portfolio;
    private readonly CommissionModel commission;
    private readonly SlippageModel slippage;
    private readonly List<Order> working = [];
    private readonly AppendOnlyList<Order> all = [];
    private long nextId = 1;

    /// <summary>Creates a broker that books fills into <paramref name="portfolio"/>.</summary>
    public PaperBroker(Portfolio portfolio, CommissionModel commission, SlippageModel slippage)
    {
        this.portfolio = portfolio;
        this.commission = commission;
        this.slippage = slippage;
    }

    /// <summary>Every order placed, in order.</summary>
    public IReadOnlyList<Order> Orders => all;

    /// <summary>Orders that may still fill.</summary>
    public IReadOnlyList<Order> WorkingOrders => working;

    /// <summary>The working orders as their list, so that the engine's per-bar checks enumerate them without allocating.</summary>
    internal List<Order> Working => working;

    /// <summary>Creates an order in the <see cref="OrderStatus.Working"/> state, or <see cref="OrderStatus.Rejected"/> with a reason.</summary>
    internal Order Place(string symbol, OrderRequest request, decimal quantity, OrderRole role, int bar, DateTime time,
        decimal referencePrice, long? parentId = null, string? rejection = null)
    {
        var order = new Order(nextId++, symbol, request, quantity, role, bar, time, parentId);
        all.Add(order);
        rejection ??= FundsProblem(order, referencePrice);
        if (rejection is not null)
        {
            order.Status = OrderStatus.Rejected;
            order.Reason = rejection;
            return order;
        }

        working.Add(order);
        return order;
    }

    /// <summary>Cancels a working order; false when it is not working.</summary>
    internal bool Cancel(Order order, string reason)
    {
        if (!order.IsWorking)
        {
            return false;
        }

        order.Status = OrderStatus.Cancelled;
        order.Reason = reason;
        working.Remove(order);
        return true;
    }

    /// <summary>Units that working strategy buys would add.</summary>
    internal decimal WorkingBuyUnits()
    {
        var units = 0m;
        foreach (var order in working)
        {
            if (order.Side == OrderSide.Buy)
            {
                units += order.Quantity;
            }
        }

        return units;
    }

    /// <summary>
    /// Matches the working orders against <paramref name="bar"/> (bar number <paramref name="barIndex"/>), books fills,
    /// attaches brackets, and appends every order whose status changed to <paramref name="changed"/>.
    /// </summary>
    internal void Process(in Bar bar, int barIndex, List<Order> changed, Bracket? defaultBracket)
    {
        if (working.Count == 0)
        {
            return;
        }

        // Market orders trade at the open, before anything else can happen on the bar; close orders at its end.
        for (var pass = 0; pass < 3; pass++)
        {
            for (var i = 0; i < working.Count; i++)
            {
                var order = working[i];
                var phase = order.Type switch { OrderType.Market => 0, OrderType.Close => 2, _ => 1 };
                if (phase != pass || order.PlacedAtBar >= barIndex || !order.IsWorking)
                {
                    continue;
                }

                if (order.Validity.HasExpired(bar.Time, barIndex - order.PlacedAtBar))
                {
                    order.Status = OrderStatus.Expired;
                    order.Reason = "validity ran out before it could fill";
                    changed.Add(order);
                    continue;
                }

                if (Match(order, bar) is { } price)
                {
                    Fill(order, slippage.Apply(order.Side, price, bar), bar, barIndex, changed, defaultBracket);
                }
            }
        }

        working.RemoveAll(o => !o.IsWorking);
        RaiseTrailingStops(bar);
    }

    private static decimal? Match(Order order, in Bar bar)
    {
        var buy = order.Side == OrderSide.Buy;
        switch (order.Type)
        {
            case OrderType.Market:
                return bar.Open;
            case OrderType.Close:
                return bar.Close;
            case OrderType.Limit:
                return LimitPrice(buy, order.LimitPrice!.Value, bar.Open, bar);
            case OrderType.Stop:
            {
                var stop = order.StopPrice!.Value;
                if (buy ? bar.Open >= stop : bar.Open <= stop)
                {
                    return bar.Open;
                }

                return (buy ? bar.High >= stop : bar.Low <= stop) ? stop : null;
            }

            case OrderType.StopLimit:
                return MatchStopLimit(order, bar);

            default:
                return null;
        }
    }

    /// <summary>
    /// A stop-limit order as backtrader's broker fills it (bbroker <c>_try_exec_stoplimit</c>): once the stop is
    /// reached the order is triggered for good and works as a limit order from the next bar on. On the trigger bar
    /// itself only the direction of the bar's body says whether prices came back to the limit after the stop: a buy
    /// whose limit is below its stop fills at the limit only on a down bar (Open &gt; Close) that closes at or below
    /// the limit; a sell, mirrored, only on an up bar (Open ≤ Close) that closes at or above it. A limit on the far
    /// side of the stop fills at the stop; a gap through the stop at the open is tried as a limit at the open.
    /// </summary>
    private static decimal? MatchStopLimit(Order order, in Bar bar)
    {
        var buy = order.Side == OrderSide.Buy;
        var stop = order.StopPrice!.Value;
        var limit = order.LimitPrice!.Value;
        if (order.IsTriggered || (buy ? bar.Open >= stop : bar.Open <= stop))
        {
            order.IsTriggered = true;
            return LimitPrice(buy, limit, bar.Open, bar);
        }

        if (!(buy ? bar.High >= stop : bar.Low <= stop))
        {
            return null;
        }

        order.IsTriggered = true;
        if (buy ? limit >= stop : limit <= stop)
        {
            return stop;
        }

        var cameBack = buy ? bar.Open > bar.Close && bar.Close <= limit : bar.Open <= bar.Close && bar.Close >= limit;
        return cameBack ? limit : null;
    }

    private static decimal? LimitPrice(bool buy, decimal limit, decimal open, in Bar bar)
    {
        if (buy ? open <= limit : open >= limit)
        {
            return open;
        }

        return (buy ? bar.Low <= limit : bar.High >= limit) ? limit : null;
    }

    private void Fill(Order order, decimal price, in Bar bar, int barIndex, List<Order> changed, Bracket? defaultBracket)
    {
        var fee = commission.For(order.Quantity, price);
        if (order.Side == OrderSide.Buy && (order.Quantity * price) + fee > portfolio.Cash)
        {
            order.Status = OrderStatus.Rejected;
            order.Reason = $"not enough cash at the fill: needs {(order.Quantity * price) + fee:0.##}, has {portfolio.Cash:0.##}";
            changed.Add(order);
            return;
        }

        if (order.Side == OrderSide.Sell && order.Quantity > portfolio.Position)
        {
            order.Status = OrderStatus.Cancelled;
            order.Reason = portfolio.Position == 0 ? "the position is already closed" : "the order is larger than the position";
            changed.Add(order);
            return;
        }

        order.MarkFilled(price, fee, bar.Time, barIndex);
        portfolio.Apply(order.Side, order.Quantity, price, fee, bar.Time, barIndex);
        changed.Add(order);

        if (order.Side == OrderSide.Buy && (order.Bracket ?? defaultBracket) is { } bracket)
        {
            AttachBracket(order, bracket, price, barIndex, bar.Time);
        }

        if (order.Role != OrderRole.Strategy || portfolio.Position == 0)
        {
            CancelProtection(order, changed);
        }
    }

    private void AttachBracket(Order parent, Bracket bracket, decimal fillPrice, int barIndex, DateTime time)
    {
        var request = new OrderRequest(OrderSide.Sell, parent.Quantity);
        if (bracket.StopLoss is { } stopLoss)
        {
            Place(parent.Symbol, request with { Type = OrderType.Stop, StopPrice = fillPrice * (1 - stopLoss), Bracket = bracket },
                parent.Quantity, OrderRole.StopLoss, barIndex, time, fillPrice, parent.Id, rejection: null);
        }

        if (bracket.TakeProfit is { } takeProfit)
        {
            Place(parent.Symbol, request with { Type = OrderType.Limit, LimitPrice = fillPrice * (1 + takeProfit) },
                parent.Quantity, OrderRole.TakeProfit, barIndex, time, fillPrice, parent.Id, rejection: null);
        }
    }

    /// <summary>A protective fill cancels its siblings (one-cancels-other); a flat position cancels all protection.</summary>
    private void CancelProtection(Order filled, List<Order> changed)
    {
        foreach (var order in working)
        {
            if (order.IsWorking && order.Role != OrderRole.Strategy &&
                (portfolio.Position == 0 || (filled.ParentId is { } parent && order.ParentId == parent)))
            {
                order.Status = OrderStatus.Cancelled;
                order.Reason = portfolio.Position == 0 ? "the position was closed" : "its sibling exit filled";
                changed.Add(order);
            }
        }
    }

    private void RaiseTrailingStops(in Bar bar)
    {
        foreach (var order in working)
        {
            if (order is { Role: OrderRole.StopLoss, Bracket: { Trailing: true, StopLoss: { } distance } })
            {
                order.MoveStop(Math.Max(order.StopPrice!.Value, bar.Close * (1 - distance)));
            }
        }
    }

    private string? FundsProblem(Order order, decimal referencePrice)
    {
        if (order.Quantity <= 0)
        {
            return "the quantity must be above zero";
        }

        if (order.Role != OrderRole.Strategy)
        {
            return null;
        }

        if (order.Side == OrderSide.Sell)
        {
            var selling = 0m;
            foreach (var other in working)
            {
                if (other.Side == OrderSide.Sell && other.Role == OrderRole.Strategy)
                {
                    selling += other.Quantity;
                }
            }

            return order.Quantity + selling > portfolio.Position
                ? $"would sell {order.Quantity} units with {portfolio.Position - selling} available; short selling is not supported"
                : null;
        }

        var reserved = 0m;
        foreach (var other in working)
        {
            if (other.Side == OrderSide.Buy)
            {
                var price = other.LimitPrice ?? other.StopPrice ?? referencePrice;
                reserved += (other.Quantity * price) + commission.For(other.Quantity, price);
            }
        }

        var cost = (order.Quantity * referencePrice) + commission.For(order.Quantity, referencePrice);
        return cost > portfolio.Cash - reserved
            ? $"not enough cash: the order needs {cost:0.##}, {portfolio.Cash - reserved:0.##} is available"
            : null;
    }
}
