using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Reports.Analyzers;

/// <summary>
/// Van K. Tharp's System Quality Number, computed as backtrader's <c>SQN</c> analyzer computes it
/// (backtrader/analyzers/sqn.py at b853d7c9): √N × mean(P&amp;L) / σ(P&amp;L) over the N closed trades, where P&amp;L is each
/// trade's net P&amp;L after commission (backtrader's <c>pnlcomm</c>) and σ is the population standard deviation
/// (divided by N, backtrader's <c>standarddev</c> without Bessel's correction). Dimensionless; Tharp deems it reliable
/// from 30 trades on.
/// </summary>
public static class SystemQualityNumber
{
    /// <summary>
    /// The SQN of <paramref name="trades"/>: 0 with fewer than two trades (as backtrader), <c>null</c> when every trade
    /// has the same net P&amp;L (σ = 0; backtrader reports <c>None</c>).
    /// </summary>
    /// <param name="trades">Closed round trips.</param>
    public static double? Of(IReadOnlyList<ClosedTrade> trades)
    {
        if (trades.Count < 2)
        {
            return 0;
        }

        // The mean and the deviations are exact in decimal; their squares are summed in double, where a large run's
        // sum cannot overflow (decimal stops at 7.9e28).
        decimal sum = 0;
        foreach (var trade in trades)
        {
            sum += trade.NetPnl;
        }

        var mean = sum / trades.Count;
        var squares = 0.0;
        foreach (var trade in trades)
        {
            var deviation = (double)(trade.NetPnl - mean);
            squares += deviation * deviation;
        }

        return squares > 0 ? Math.Sqrt(trades.Count) * (double)mean / Math.Sqrt(squares / trades.Count) : null;
    }
}
