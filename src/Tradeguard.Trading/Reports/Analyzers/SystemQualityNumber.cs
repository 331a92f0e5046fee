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

        // Money is exact in decimal; the mean and the squared deviations are too, so only the square root rounds.
        var mean = trades.Sum(t => t.NetPnl) / trades.Count;
        var variance = (double)(trades.Sum(t => (t.NetPnl - mean) * (t.NetPnl - mean)) / trades.Count);
        return variance > 0 ? Math.Sqrt(trades.Count) * (double)mean / Math.Sqrt(variance) : null;
    }
}
