using Tradeguard.Core.Audit;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Engine;

/// <summary>
/// Backtests several symbols in one run with one cash account: each symbol has its own strategy instance, its own
/// <see cref="PaperBroker"/> (orders, position, trades) and its own <see cref="TradingRun"/>, and every broker pays
/// from and into the same <see cref="CashAccount"/>, so cash one symbol spends the others cannot.
/// </summary>
/// <remarks>
/// <para><b>Time alignment.</b> The series are merged by bar time (a k-way merge: at each step the earliest time any
/// series has next). At that time every symbol with a bar there is stepped, in config order, in two phases: first each
/// one's broker matches its working orders against its bar (so fills of the first symbol are paid for before the
/// second's are checked against the cash), then each one's risk guard and strategy run. A symbol with no bar at that
/// time is not stepped; its position keeps being marked at its latest close. Only then does time move on. One equity
/// point is recorded per distinct time.</para>
/// <para>A single-symbol run is <see cref="TradingEngine.Run"/>; a portfolio run of one symbol gives the same fills,
/// trades and equity curve. <see cref="StrategyContext.Equity"/> and <see cref="StrategyContext.Stake"/> are the whole
/// portfolio's here, <see cref="StrategyContext.Position"/> the symbol's own. Risk limits apply to each symbol's orders
/// separately; the daily-loss limit watches the whole portfolio's equity.</para>
/// </remarks>
public sealed class PortfolioEngine
{
    private const int ProgressEvery = 8192;
    private readonly EngineOptions options;
    private readonly ITradingEventSink[] sinks;
    private readonly IAuditLog audit;

    /// <summary>Creates an engine.</summary>
    /// <param name="options">Money (<see cref="EngineOptions.InitialCash"/> is the shared account's), costs, sizing, exits and risk limits, the same for every symbol.</param>
    /// <param name="sinks">Receive every event of every symbol, in order.</param>
    /// <param name="audit">Records each symbol's run start and stop and orders, as <see cref="TradingEngine"/> does.</param>
    public PortfolioEngine(EngineOptions options, IEnumerable<ITradingEventSink>? sinks = null, IAuditLog? audit = null)
    {
        this.options = options;
        this.sinks = sinks?.ToArray() ?? [];
        this.audit = audit ?? NullAuditLog.Instance;
    }

    /// <summary>Backtests every feed on a paper broker sharing one cash account (events are paper, audit actor <c>engine</c>).</summary>
    /// <param name="feeds">The symbols, in the order they are stepped at a shared time; at least one, no symbol twice.</param>
    /// <param name="progress">Told how many bars (of all symbols) have been stepped, every few thousand and at the end.</param>
    /// <param name="cancellationToken">Stops the run between times by throwing <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="feeds"/> is empty or names a symbol twice (case-insensitive).</exception>
    public PortfolioResult Run(IReadOnlyList<SymbolFeed> feeds, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(feeds.Count, nameof(feeds));
        if (feeds.Select(f => f.Bars.Symbol).Distinct(StringComparer.OrdinalIgnoreCase).Count() != feeds.Count)
        {
            throw new ArgumentException("a symbol is listed twice", nameof(feeds));
        }

        var account = new CashAccount(options.InitialCash);
        var brokers = new PaperBroker[feeds.Count];
        var runs = new TradingRun[feeds.Count];
        for (var i = 0; i < feeds.Count; i++)
        {
            brokers[i] = new PaperBroker(feeds[i].Bars.Symbol, account, options.Commission, options.Slippage, options.DefaultBracket,
                options.Contract, options.ShortSelling, options.Instrument);
            runs[i] = new TradingRun(feeds[i].Strategy, options, brokers[i], sinks, audit, TradingMode.Paper, "engine", curve: null);
        }

        var view = new PortfolioView(runs);
        var flows = new decimal[feeds.Count];
        var curve = new List<EquityPoint>();
        var total = feeds.Sum(f => f.Bars.Count);
        for (var i = 0; i < runs.Length; i++)
        {
            runs[i].SharePortfolio(view);
            runs[i].Begin(feeds[i].Bars.Count > 0 ? feeds[i].Bars.Span[0].Time : DateTime.MinValue);
        }

        var next = new int[feeds.Count];
        var due = new int[feeds.Count];
        var stepped = 0;
        var reported = 0;
        while (EarliestNext(feeds, next) is { } now)
        {
            if (stepped - reported >= ProgressEvery)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new RunProgress(stepped, total));
                reported = stepped;
            }

            var count = 0;
            for (var i = 0; i < feeds.Count; i++)
            {
                if (next[i] < feeds[i].Bars.Count && feeds[i].Bars.Span[next[i]].Time == now)
                {
                    due[count++] = i;
                }
            }

            // Fills only happen while a broker matches its bar: the change in the shared cash then is the symbol's.
            for (var d = 0; d < count; d++)
            {
                var i = due[d];
                var before = account.Balance;
                runs[i].Advance(feeds[i].Bars.Span[next[i]], warmUpRefusal: null);
                flows[i] += account.Balance - before;
            }

            for (var d = 0; d < count; d++)
            {
                runs[due[d]].Decide();
                next[due[d]]++;
            }

            stepped += count;
            curve.Add(new EquityPoint(now, view.Equity, GrossPosition(brokers)));
        }

        progress?.Report(new RunProgress(stepped, total));
        foreach (var run in runs)
        {
            run.Finish();
        }

        return Result(feeds, account, brokers, runs, view, flows, curve);
    }

    private static DateTime? EarliestNext(IReadOnlyList<SymbolFeed> feeds, int[] next)
    {
        DateTime? earliest = null;
        for (var i = 0; i < feeds.Count; i++)
        {
            if (next[i] < feeds[i].Bars.Count && feeds[i].Bars.Span[next[i]].Time is var time && (earliest is null || time < earliest))
            {
                earliest = time;
            }
        }

        return earliest;
    }

    private static decimal GrossPosition(PaperBroker[] brokers)
    {
        var units = 0m;
        foreach (var broker in brokers)
        {
            units += Math.Abs(broker.Position);
        }

        return units;
    }

    private PortfolioResult Result(IReadOnlyList<SymbolFeed> feeds, CashAccount account, PaperBroker[] brokers, TradingRun[] runs, PortfolioView view,
        decimal[] flows, List<EquityPoint> curve)
    {
        var terms = options.Contract;
        var symbols = new SymbolResult[feeds.Count];
        var markedCash = account.Balance;
        for (var i = 0; i < feeds.Count; i++)
        {
            var (broker, run) = (brokers[i], runs[i]);
            var close = run.BarsSeen > 0 ? run.LastBar.Close : 0m;
            if (terms.IsFuturesLike && broker.Position != 0)
            {
                // As Portfolio.CashMarkedAt: the open P&L settled at the last close, as backtrader reports cash.
                markedCash += terms.Variation(broker.Position, broker.SettlementPrice, close);
            }

            symbols[i] = new SymbolResult(broker.Symbol, feeds[i].Strategy.Name, run.BarsSeen, close, broker.Position,
                flows[i] + run.Mark(0m), broker.Portfolio.TotalCommission, broker.Trades, broker.Orders);
        }

        var total = new RunResult(
            string.Join("+", brokers.Select(b => b.Symbol)),
            feeds[0].Strategy.Name,
            account.Initial,
            markedCash,
            GrossPosition(brokers),
            view.Equity,
            symbols.Sum(s => s.Commission),
            curve,
            symbols.SelectMany(s => s.Trades).OrderBy(t => t.ExitTime).ToList(),
            symbols.SelectMany(s => s.Orders).OrderBy(o => o.PlacedAt).ToList(),
            runs.Any(r => r.KillSwitchEngaged));
        return new PortfolioResult(total, symbols);
    }
}
