using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Reports.Analyzers;

/// <summary>
/// Figures over the closed round trips, all from each trade's net P&amp;L (after commission), in quote currency.
/// A winner has net P&amp;L above 0, a loser below 0; a trade that broke even is neither (backtrader's
/// <c>TradeAnalyzer</c> counts it as won, which changes no figure here but the counts).
/// </summary>
/// <param name="Winners">Trades with net P&amp;L &gt; 0.</param>
/// <param name="Losers">Trades with net P&amp;L &lt; 0.</param>
/// <param name="GrossProfit">Sum of the winners' net P&amp;L (≥ 0); backtrader's <c>won.pnl.total</c>.</param>
/// <param name="GrossLoss">Sum of the losers' net P&amp;L (≤ 0); backtrader's <c>lost.pnl.total</c>.</param>
/// <param name="ProfitFactor">GrossProfit / |GrossLoss|; <c>null</c> when there is no losing trade (no trades, or
/// only winners and break-evens), where the ratio is undefined rather than infinite.</param>
/// <param name="Expectancy">Mean net P&amp;L per closed trade, quote currency (backtrader's <c>pnl.net.average</c>);
/// <c>null</c> with no trades.</param>
/// <param name="Sqn">System Quality Number (see <see cref="SystemQualityNumber"/>).</param>
public sealed record TradeStatistics(int Winners, int Losers, decimal GrossProfit, decimal GrossLoss, double? ProfitFactor, decimal? Expectancy, double? Sqn)
{
    /// <summary>Computes the figures of <paramref name="trades"/>.</summary>
    /// <param name="trades">Closed round trips.</param>
    public static TradeStatistics From(IReadOnlyList<ClosedTrade> trades)
    {
        int winners = 0, losers = 0;
        decimal profit = 0, loss = 0;
        foreach (var trade in trades)
        {
            var pnl = trade.NetPnl;
            if (pnl > 0)
            {
                winners++;
                profit += pnl;
            }
            else if (pnl < 0)
            {
                losers++;
                loss += pnl;
            }
        }

        return new TradeStatistics(
            winners,
            losers,
            profit,
            loss,
            loss < 0 ? (double)(profit / -loss) : null,
            trades.Count > 0 ? (profit + loss) / trades.Count : null,
            SystemQualityNumber.Of(trades));
    }
}
