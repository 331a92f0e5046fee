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
/// Slippage moves the price against the trader within the bar's range; commission is charged per fill. An order that
/// opens or extends a position is rejected when it needs more cash than there is (at placing, at the reference price,
/// and again at the fill; <see cref="ContractTerms"/> says what a fill needs: the notional for stock-like terms, the
/// margin for futures-like ones); an order that only closes is never held back for cash (backtrader's BackBroker
/// checks only the part that opens). Long-only (the default), sells of more than the position are rejected; with
/// short selling a sell beyond the position opens a short, and protective exits and the operator's close-all only
/// ever reduce a position. Order status changes are handed back to the engine, which tells the strategy before its
/// next bar.
/// </summary>
/// <remarks>
/// This is the paper venue: backtests run against it, and the local exchange sandbox places the orders it receives
/// over REST on it, so both use exactly these fill rules (no second implementation of fills, brackets or order states
/// exists). Not thread-safe: callers serialise access.
/// </remarks>
public sealed class PaperBroker : IVenue
{
    private readonly CommissionModel commission;
    private readonly SlippageModel slippage;
    private readonly Bracket? defaultBracket;
    private readonly bool shortSelling;
    private readonly Instrument? instrument;
    private readonly List<Order> working = [];
    private readonly AppendOnlyList<Order> all = [];
    private long nextId = 1;

    /// <summary>Creates a broker for one symbol.</summary>
    /// <param name="symbol">The instrument traded.</param>
    /// <param name="cash">Starting cash, quote currency.</param>
    /// <param name="commission">Commission per fill.</param>
    /// <param name="slippage">Slippage per fill.</param>
    /// <param name="defaultBracket">Protective exits attached to a fill that opens a position and asked for none; null attaches none.</param>
    /// <param name="terms">How units are paid for and valued; null is <see cref="ContractTerms.Stock"/>.</param>
    /// <param name="shortSelling">True lets strategy sells open short positions; false keeps the broker long-only.</param>
    /// <param name="instrument">
    /// The exchange's lot, tick and notional rules: a strategy's order that breaks one is rejected with the rule named,
    /// bracket prices are rounded onto the tick, away from the position's favour (a long's stop down and take-profit
    /// up, a short's the other way), and fill prices onto the tick against the trader within the bar
    /// (<see cref="Instrument.FillPrice"/>). Null checks none and rounds nothing.
    /// </param>
    public PaperBroker(string symbol, decimal cash, CommissionModel commission, SlippageModel slippage, Bracket? defaultBracket = null,
        ContractTerms? terms = null, bool shortSelling = false, Instrument? instrument = null)
        : this(symbol, new CashAccount(cash), commission, slippage, defaultBracket, terms, shortSelling, instrument)
    {
    }

    /// <summary>
    /// Creates a broker for one symbol that pays from and into <paramref name="account"/>, shared with the other
    /// symbols' brokers of a portfolio run (<see cref="PortfolioEngine"/>): their fills spend the cash this one's
    /// orders are checked against. The other parameters are as for the constructor that takes starting cash.
    /// </summary>
    public PaperBroker(string symbol, CashAccount account, CommissionModel commission, SlippageModel slippage, Bracket? defaultBracket,
        ContractTerms? terms, bool shortSelling, Instrument? instrument)
    {
        Portfolio = new Portfolio(symbol, account, terms);
        this.commission = commission;
        this.slippage = slippage;
        this.defaultBracket = defaultBracket;
        this.shortSelling = shortSelling;
        this.instrument = instrument;
    }

    /// <summary>Cash, position, commission paid and closed trades.</summary>
    public Portfolio Portfolio { get; }

    /// <inheritdoc />
    public string Symbol => Portfolio.Symbol;

    /// <inheritdoc />
    public decimal Cash => Portfolio.Cash;

    /// <inheritdoc />
    public decimal Position => Portfolio.Position;

    /// <inheritdoc />
    public decimal SettlementPrice => Portfolio.SettlementPrice;

    /// <inheritdoc />
    public int FillCount => Portfolio.FillCount;

    /// <inheritdoc />
    public IReadOnlyList<Order> Orders => all;

    /// <inheritdoc />
    public IReadOnlyList<Order> WorkingOrders => working;

    /// <inheritdoc />
    public IReadOnlyList<ClosedTrade> Trades => Portfolio.Trades;

    /// <inheritdoc />
    public Order Place(OrderRequest request, decimal quantity, OrderRole role, int barIndex, DateTime time, decimal referencePrice, string? refusal) =>
        Place(request, quantity, role, barIndex, time, referencePrice, parentId: null, refusal);

    private Order Place(OrderRequest request, decimal quantity, OrderRole role, int bar, DateTime time, decimal referencePrice, long? parentId, string? rejection)
    {
        var order = new Order(nextId++, Portfolio.Symbol, request, quantity, role, bar, time, parentId);
        all.Add(order);
        rejection ??= RulesProblem(order, referencePrice) ?? FundsProblem(order, referencePrice);
        if (rejection is not null)
        {
            order.Close(OrderStatus.Rejected, rejection);
            return order;
        }

        working.Add(order);
        return order;
    }

    /// <inheritdoc />
    public bool Cancel(Order order, string reason)
    {
        if (!order.IsWorking)
        {
            return false;
        }

        order.Close(OrderStatus.Cancelled, reason);
        working.Remove(order);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>Matches the working orders against the bar, books fills and attaches brackets.</remarks>
    public void Update(in Bar bar, int barIndex, List<Order> changed)
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
                    order.Close(OrderStatus.Expired, "validity ran out before it could fill");
                    changed.Add(order);
                    continue;
                }

                if (Match(order, bar) is { } price)
                {
                    Fill(order, slippage.Apply(order.Side, price, bar, instrument), bar, barIndex, changed);
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

    private void Fill(Order order, decimal price, in Bar bar, int barIndex, List<Order> changed)
    {
        var opening = Portfolio.Opening(order.Side, order.Quantity);
        if (opening > 0 && MustOnlyReduce(order))
        {
            order.Close(OrderStatus.Cancelled, Portfolio.Position == 0 ? "the position is already closed" : "the order is larger than the position");
            changed.Add(order);
            return;
        }

        var fee = commission.For(order.Quantity, price);
        if (opening > 0 && Portfolio.CashNeeded(order.Side, order.Quantity, price, fee) is var needed && needed > Portfolio.Cash)
        {
            order.Close(OrderStatus.Rejected, $"not enough cash at the fill: needs {needed:0.##}, has {Portfolio.Cash:0.##}");
            changed.Add(order);
            return;
        }

        var wasLong = Portfolio.Position > 0;
        var wasShort = Portfolio.Position < 0;
        order.MarkFilled(price, fee, bar.Time, barIndex);
        Portfolio.Apply(order.Side, order.Quantity, price, fee, bar.Time, barIndex);
        changed.Add(order);

        if (opening > 0 && (order.Bracket ?? defaultBracket) is { } bracket)
        {
            AttachBracket(order, opening, bracket, price, barIndex, bar.Time);
        }

        var reversed = (wasLong && Portfolio.Position < 0) || (wasShort && Portfolio.Position > 0);
        if (order.Role != OrderRole.Strategy || Portfolio.Position == 0 || reversed)
        {
            CancelProtection(order, reversed, changed);
        }
    }

    /// <summary>Orders that may only bring a position towards flat: exits, the operator's, and every sell when long-only.</summary>
    private bool MustOnlyReduce(Order order) => order.Role != OrderRole.Strategy || (order.Side == OrderSide.Sell && !shortSelling);

    /// <summary>
    /// Protective exits for the <paramref name="units"/> a fill opened: for a long position a sell stop
    /// <see cref="Bracket.StopLoss"/> below the fill and a sell limit <see cref="Bracket.TakeProfit"/> above it; for a
    /// short one, mirrored, a buy stop above and a buy limit below.
    /// </summary>
    private void AttachBracket(Order parent, decimal units, Bracket bracket, decimal fillPrice, int barIndex, DateTime time)
    {
        var closesLong = parent.Side == OrderSide.Buy;
        var request = new OrderRequest(closesLong ? OrderSide.Sell : OrderSide.Buy, units);
        if (bracket.StopLoss is { } stopLoss)
        {
            Place(request with { Type = OrderType.Stop, StopPrice = closesLong ? PriceDown(fillPrice * (1 - stopLoss)) : PriceUp(fillPrice * (1 + stopLoss)), Bracket = bracket },
                units, OrderRole.StopLoss, barIndex, time, fillPrice, parent.Id, rejection: null);
        }

        if (bracket.TakeProfit is { } takeProfit)
        {
            Place(request with { Type = OrderType.Limit, LimitPrice = closesLong ? PriceUp(fillPrice * (1 + takeProfit)) : PriceDown(fillPrice * (1 - takeProfit)) },
                units, OrderRole.TakeProfit, barIndex, time, fillPrice, parent.Id, rejection: null);
        }
    }

    /// <summary>
    /// A protective fill cancels its siblings (one-cancels-other); a flat position cancels all protection, and a
    /// reversed one the exits of the position it replaced (they are on the side that would now add to it).
    /// </summary>
    private void CancelProtection(Order filled, bool reversed, List<Order> changed)
    {
        foreach (var order in working)
        {
            if (!order.IsWorking || order.Role == OrderRole.Strategy)
            {
                continue;
            }

            var stale = reversed && order.Side == filled.Side;
            if (Portfolio.Position == 0 || stale || (filled.ParentId is { } parent && order.ParentId == parent))
            {
                order.Close(OrderStatus.Cancelled, Portfolio.Position == 0 ? "the position was closed" : stale ? "the position was reversed" : "its sibling exit filled");
                changed.Add(order);
            }
        }
    }

    /// <summary>Trailing stops follow the close: a long's sell stop rises to close × (1 − distance), a short's buy stop falls to close × (1 + distance); neither ever moves back.</summary>
    private void RaiseTrailingStops(in Bar bar)
    {
        foreach (var order in working)
        {
            if (order is { Role: OrderRole.StopLoss, Bracket: { Trailing: true, StopLoss: { } distance } })
            {
                order.MoveStop(order.Side == OrderSide.Sell
                    ? Math.Max(order.StopPrice!.Value, PriceDown(bar.Close * (1 - distance)))
                    : Math.Min(order.StopPrice!.Value, PriceUp(bar.Close * (1 + distance))));
            }
        }
    }

    private decimal PriceDown(decimal price) => instrument is null ? price : instrument.PriceDown(price);

    private decimal PriceUp(decimal price) => instrument is null ? price : instrument.PriceUp(price);

    // The exchange's filters apply to what the strategy sends; exits reuse the checked quantity of their buy.
    private string? RulesProblem(Order order, decimal referencePrice) =>
        instrument is null || order.Role != OrderRole.Strategy || order.Quantity <= 0
            ? null
            : instrument.Check(order.Quantity, order.LimitPrice, order.StopPrice, referencePrice)?.ToString();

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

        if (order.Side == OrderSide.Sell && !shortSelling)
        {
            var selling = 0m;
            foreach (var other in working)
            {
                if (other.Side == OrderSide.Sell && other.Role == OrderRole.Strategy)
                {
                    selling += other.Quantity;
                }
            }

            return order.Quantity + selling > Portfolio.Position
                ? $"would sell {order.Quantity} units with {Portfolio.Position - selling} available; short selling is not supported"
                : null;
        }

        if (Portfolio.Opening(order.Side, order.Quantity) == 0)
        {
            return null;
        }

        // Cash is held back for the working orders that would open positions, each at its own limit or stop (a short
        // sale's proceeds are not counted on before it fills).
        var reserved = 0m;
        foreach (var other in working)
        {
            if (other.Role == OrderRole.Strategy && (other.Side == OrderSide.Buy || shortSelling) && Portfolio.Opening(other.Side, other.Quantity) > 0)
            {
                var price = other.LimitPrice ?? other.StopPrice ?? referencePrice;
                reserved += Math.Max(0, Portfolio.CashNeeded(other.Side, other.Quantity, price, commission.For(other.Quantity, price)));
            }
        }

        var cost = Portfolio.CashNeeded(order.Side, order.Quantity, referencePrice, commission.For(order.Quantity, referencePrice));
        return cost > Portfolio.Cash - reserved
            ? $"not enough cash: the order needs {cost:0.##}, {Portfolio.Cash - reserved:0.##} is available"
            : null;
    }
}
