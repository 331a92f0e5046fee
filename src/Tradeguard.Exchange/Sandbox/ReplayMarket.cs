using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;

namespace Tradeguard.Exchange.Sandbox;

/// <summary>
/// The sandbox's market: real bars replayed one at a time, and one account whose orders are matched against each new
/// bar by <see cref="PaperBroker"/>, i.e. with exactly the paper broker's fill rules. Before the first
/// <see cref="Advance"/> no bar has closed; after it, bar 0 has, and an order placed then first works on bar 1, as in
/// a backtest. Times are market times (the bars' own). Thread-safe: every member takes the market's lock.
/// </summary>
public sealed class ReplayMarket
{
    private readonly Lock gate = new();
    private readonly BarSeries series;
    private readonly PaperBroker venue;
    private readonly List<Order> changed = [];
    private readonly Dictionary<long, string> clientIds = [];
    private readonly List<SandboxTrade> trades = [];
    private readonly TaskCompletionSource firstClientRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource firstBar = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates a market.</summary>
    /// <param name="series">The bars to replay; the symbol is the series' symbol and the base asset.</param>
    /// <param name="quoteAsset">The currency prices are in, e.g. <c>USD</c>.</param>
    /// <param name="cash">The account's starting quote balance.</param>
    /// <param name="commission">Commission per fill.</param>
    /// <param name="slippage">Slippage per fill.</param>
    public ReplayMarket(BarSeries series, string quoteAsset, decimal cash, CommissionModel commission, SlippageModel slippage)
    {
        if (series.Count == 0)
        {
            throw new ArgumentException("the series has no bars", nameof(series));
        }

        this.series = series;
        QuoteAsset = quoteAsset;
        venue = new PaperBroker(series.Symbol, cash, commission, slippage);
    }

    /// <summary>The traded symbol (also the base asset).</summary>
    public string Symbol => series.Symbol;

    /// <summary>The quote asset.</summary>
    public string QuoteAsset { get; }

    /// <summary>Index of the last closed bar; -1 before the first <see cref="Advance"/>.</summary>
    public int CurrentIndex { get; private set; } = -1;

    /// <summary>How many bars the replay has.</summary>
    public int BarCount => series.Count;

    /// <summary>True once the last bar has closed.</summary>
    public bool IsFinished => Locked(() => CurrentIndex >= series.Count - 1);

    /// <summary>Unix milliseconds of a bar time (bar times are read as UTC).</summary>
    public static long ToUnixMs(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    /// <summary>Closes the next bar: matches working orders against it and records the fills. False when the replay is over.</summary>
    public bool Advance()
    {
        lock (gate)
        {
            if (CurrentIndex >= series.Count - 1)
            {
                return false;
            }

            CurrentIndex++;
            firstBar.TrySetResult();
            var bar = series.Bars[CurrentIndex];
            changed.Clear();
            venue.Update(bar, CurrentIndex, changed);
            foreach (var order in changed)
            {
                if (order.Status == OrderStatus.Filled)
                {
                    trades.Add(new SandboxTrade(trades.Count + 1, order.Id, order.Side, order.FillPrice!.Value, order.Quantity, order.Commission,
                        ToUnixMs(bar.Time)));
                }
            }

            return true;
        }
    }

    /// <summary>Advances <paramref name="barsPerSecond"/> bars a second until the replay ends or <paramref name="cancellationToken"/> fires.</summary>
    public async Task ReplayAsync(double barsPerSecond, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(barsPerSecond);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / barsPerSecond), time ?? TimeProvider.System);
        while (!cancellationToken.IsCancellationRequested && Advance())
        {
            try
            {
                await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Completes when a client first asks for the market: candles (<see cref="ClosedBars"/>), or a price or an order
    /// (<see cref="AwaitOpen"/>). A runner or a bot is then reading the market, so a replay that waits for it loses no
    /// bar to a client that was still starting.
    /// </summary>
    public Task FirstClientRequest => firstClientRequest.Task;

    /// <summary>
    /// For a request that needs a closed bar (a price, an order): starts a replay waiting for its first client and waits
    /// up to <paramref name="wait"/> for its first bar, so that first request is answered instead of "market closed".
    /// </summary>
    /// <returns>True when a bar has closed.</returns>
    public bool AwaitOpen(TimeSpan wait)
    {
        firstClientRequest.TrySetResult();
        return firstBar.Task.Wait(wait);
    }

    /// <summary>
    /// Closed bars with open time ≥ <paramref name="startTime"/> (Unix ms; null: the latest) and ≤
    /// <paramref name="endTime"/> (null: no bound), at most <paramref name="limit"/>, oldest first.
    /// </summary>
    public IReadOnlyList<Bar> ClosedBars(long? startTime, int limit, long? endTime = null)
    {
        firstClientRequest.TrySetResult();
        lock (gate)
        {
            var closed = series.Bars.Take(CurrentIndex + 1).Where(b => endTime is not { } end || ToUnixMs(b.Time) <= end);
            return startTime is { } start
                ? closed.Where(b => ToUnixMs(b.Time) >= start).Take(limit).ToArray()
                : closed.TakeLast(limit).ToArray();
        }
    }

    /// <summary>The last closed bar's time, Unix ms; null before the first bar.</summary>
    public long? MarketTime() => Locked<long?>(() => CurrentIndex >= 0 ? ToUnixMs(series.Bars[CurrentIndex].Time) : null);

    /// <summary>
    /// Places an order on the last closed bar, at that bar's close as reference price. Returns the order (working, or
    /// rejected with the paper broker's reason), or null when no bar has closed yet.
    /// </summary>
    public Order? Place(OrderRequest request, decimal quantity, string clientOrderId)
    {
        lock (gate)
        {
            if (CurrentIndex < 0)
            {
                return null;
            }

            var bar = series.Bars[CurrentIndex];
            var order = venue.Place(request, quantity, OrderRole.Strategy, CurrentIndex, bar.Time, request.LimitPrice ?? request.StopPrice ?? bar.Close, refusal: null);
            clientIds[order.Id] = clientOrderId;
            return order;
        }
    }

    /// <summary>Cancels a working order; the order (whatever its state) or null when unknown.</summary>
    public (Order? Order, bool Cancelled) Cancel(long orderId)
    {
        lock (gate)
        {
            var order = Find(orderId);
            return (order, order is not null && venue.Cancel(order, "cancelled by the client"));
        }
    }

    /// <summary>The order with this id, or null.</summary>
    public Order? Find(long orderId) => Locked(() => orderId >= 1 && orderId <= venue.Orders.Count ? venue.Orders[(int)(orderId - 1)] : null);

    /// <summary>The client's id for an order.</summary>
    public string ClientOrderId(long orderId) => Locked(() => clientIds.TryGetValue(orderId, out var id) ? id : string.Empty);

    /// <summary>
    /// The most recent order with the client id <paramref name="clientOrderId"/>, or null. Binance refuses a client id
    /// only while an order with it is open, so an id can have named several orders; the latest is the one asked about.
    /// </summary>
    public Order? FindByClientOrderId(string clientOrderId) =>
        Locked(() => clientIds.Where(c => c.Value == clientOrderId).Select(c => (long?)c.Key).Max() is { } id ? Find(id) : null);

    /// <summary>Every order placed, oldest first.</summary>
    public IReadOnlyList<Order> AllOrders() => Locked(() => venue.Orders.ToArray());

    /// <summary>Working orders.</summary>
    public IReadOnlyList<Order> OpenOrders() => Locked(() => venue.WorkingOrders.ToArray());

    /// <summary>Fills with id ≥ <paramref name="fromId"/> (null: all), oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<SandboxTrade> Trades(long? fromId, int limit) =>
        Locked(() => trades.Where(t => fromId is null || t.Id >= fromId).Take(limit).ToArray());

    /// <summary>Free and locked balances: the quote asset (cash; buys lock nothing, as in the paper broker) and the base asset (position; working sells lock units).</summary>
    public (decimal QuoteFree, decimal BaseFree, decimal BaseLocked) Balances()
    {
        lock (gate)
        {
            var selling = venue.WorkingOrders.Where(o => o.Side == OrderSide.Sell).Sum(o => o.Quantity);
            var position = venue.Portfolio.Position;
            var locked = Math.Min(selling, position);
            return (venue.Portfolio.Cash, position - locked, locked);
        }
    }

    /// <summary>Time of the bar an order was placed on or filled on, Unix ms.</summary>
    public long BarTime(int barIndex) => Locked(() => ToUnixMs(series.Bars[Math.Clamp(barIndex, 0, series.Count - 1)].Time));

    // Every read of the market takes its lock (Lock is re-entrant: Cancel and FindByClientOrderId call Find under it).
    private T Locked<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }
}
