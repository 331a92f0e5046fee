namespace Tradeguard.Trading.Reports.Analyzers;

/// <summary>
/// Drawdowns of the equity curve. A drawdown is a run of consecutive bars whose equity is below the running peak
/// (the starting cash, then the highest close of equity so far); it ends on the bar that equity is back at or above
/// the peak, or with the run. Fractions are of the running peak (0.05 = 5 %), money is quote currency, lengths are
/// bars. The maximum figures are those of backtrader's <c>DrawDown</c> analyzer (backtrader/analyzers/drawdown.py at
/// b853d7c9: <c>max.drawdown</c> ÷ 100, <c>max.moneydown</c>, <c>max.len</c>); the averages are over drawdowns, as
/// backtesting.py's "Avg. Drawdown" (the mean of each drawdown's deepest point), with lengths in bars.
/// </summary>
/// <param name="Max">Largest fall from the running peak, as a fraction of that peak (0 without a drawdown).</param>
/// <param name="MaxMoney">Largest fall from the running peak in money; it may belong to another drawdown than
/// <paramref name="Max"/> (a smaller fraction of a higher peak).</param>
/// <param name="MaxLength">Bars of the longest drawdown.</param>
/// <param name="Count">Drawdowns, the one still open at the end included.</param>
/// <param name="Average">Mean over the drawdowns of each one's deepest fraction; 0 without a drawdown.</param>
/// <param name="AverageMoney">Mean over the drawdowns of each one's largest money fall; 0 without a drawdown.</param>
/// <param name="AverageLength">Mean length in bars; 0 without a drawdown.</param>
public sealed record DrawdownStatistics(double Max, decimal MaxMoney, int MaxLength, int Count, double Average, decimal AverageMoney, double AverageLength);
