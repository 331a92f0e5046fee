namespace Tradeguard.Trading.Strategies;

/// <summary>Which positions a built-in strategy takes on its signals (config <c>strategy.direction</c>).</summary>
public enum TradeDirection
{
    /// <summary>Long only (the default): buy on the bullish signal, sell the position on the bearish one.</summary>
    Long,

    /// <summary>Short only: sell short on the bearish signal, buy the short back on the bullish one.</summary>
    Short,

    /// <summary>Both: as <see cref="Long"/> and <see cref="Short"/> from flat, and an open position is reversed in one order on the opposite signal.</summary>
    Both,
}
