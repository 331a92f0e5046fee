using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.Runner;

/// <summary>Where a runner stands.</summary>
public enum RunnerState
{
    /// <summary>Not yet reading the exchange.</summary>
    Starting,

    /// <summary>Trading.</summary>
    Running,

    /// <summary>The operator paused it: no new orders; working orders stay.</summary>
    Paused,

    /// <summary>The operator's kill switch is engaged: no order that adds exposure; working buys cancelled.</summary>
    Halted,

    /// <summary>The run ended (signal, bar limit or failure).</summary>
    Finished,
}

/// <summary>A consistent view of a runner, safe to read from any thread (the runner publishes a new one after each step).</summary>
/// <param name="State">Running, paused, halted...</param>
/// <param name="Mode">Paper or live.</param>
/// <param name="Symbol">The trading pair.</param>
/// <param name="Strategy">The strategy's name and parameters.</param>
/// <param name="BaseAsset">The asset held, e.g. <c>ORCL</c>.</param>
/// <param name="QuoteAsset">The asset cash is counted in, e.g. <c>USD</c>.</param>
/// <param name="BarsSeen">Candles the strategy has seen in this run.</param>
/// <param name="LastBarTime">Open time of the last candle seen (UTC); null before the first.</param>
/// <param name="LastClose">Its close, quote currency; 0 before the first candle.</param>
/// <param name="Position">Units of the base asset held.</param>
/// <param name="Cash">Free quote asset, quote currency.</param>
/// <param name="StartEquity">Equity at the run's first candle, quote currency; null before it.</param>
/// <param name="WorkingOrders">Orders working on the exchange.</param>
/// <param name="FilledOrders">Orders filled in this process.</param>
/// <param name="HaltReason">Why the kill switch is engaged, when it is.</param>
/// <param name="PeakEquity">The highest equity seen after a candle in this process, quote currency; null before the first.</param>
/// <param name="DayOpenEquity">Equity after the first candle of the last candle's UTC day, quote currency; null before the first.</param>
/// <param name="Trades">Closed trades (round trips) in this process.</param>
/// <param name="WinningTrades">Of those, the ones with a net profit.</param>
public sealed record RunnerSnapshot(RunnerState State, TradingMode Mode, string Symbol, string Strategy, string BaseAsset, string QuoteAsset,
    int BarsSeen, DateTime? LastBarTime, decimal LastClose, decimal Position, decimal Cash, decimal? StartEquity, int WorkingOrders,
    int FilledOrders, string? HaltReason, decimal? PeakEquity = null, decimal? DayOpenEquity = null, int Trades = 0, int WinningTrades = 0)
{
    /// <summary>Cash plus the position at the last close, quote currency.</summary>
    public decimal Equity => Cash + (Position * LastClose);

    /// <summary>Equity minus the start equity, quote currency; 0 before the first candle.</summary>
    public decimal Pnl => StartEquity is { } start ? Equity - start : 0m;
}
