using Tradeguard.Trading.Events;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Exchange.Runner;

/// <summary>How <see cref="ExchangeStrategyRunner"/> trades on an exchange.</summary>
public sealed record ExchangeRunOptions
{
    /// <summary>Trading pair, e.g. <c>ORCL</c> in the sandbox.</summary>
    public required string Symbol { get; init; }

    /// <summary>Candle interval the strategy runs on, e.g. <c>1d</c>.</summary>
    public string Interval { get; init; } = "1d";

    /// <summary>
    /// Sizing, risk limits and mode, as in a backtest (cash, commission and slippage are the exchange's, so those
    /// fields are ignored). A default bracket is refused: protective exits are not sent to exchanges yet.
    /// </summary>
    public EngineOptions Engine { get; init; } = new();

    /// <summary>Paper or live: the marker every event and audit record of this run carries (the engine's own events are always paper).</summary>
    public TradingMode Mode { get; init; } = TradingMode.Paper;

    /// <summary>First candle open time fed to the strategy, Unix milliseconds; null: only candles that close after the start.</summary>
    public long? StartTime { get; init; }

    /// <summary>Stop after the strategy has seen this many candles; null runs until cancelled.</summary>
    public int? MaxBars { get; init; }

    /// <summary>How often <see cref="ExchangeStrategyRunner.RunAsync"/> polls for closed candles and order updates.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
