namespace Tradeguard.Trading.Reports.Analyzers;

/// <summary>
/// The portfolio's return over one calendar period (a year or a month) of the run. Values are quote currency.
/// </summary>
/// <param name="PeriodStart">The period's first calendar day (1 January for a year), even when the run began later.</param>
/// <param name="PeriodEnd">Its last calendar day (backtrader's <c>TimeReturn</c> key).</param>
/// <param name="StartValue">Equity at the close of the previous period's last bar; the starting cash for the first period.</param>
/// <param name="EndValue">Equity at the close of the period's last bar.</param>
public sealed record PeriodReturn(DateOnly PeriodStart, DateOnly PeriodEnd, decimal StartValue, decimal EndValue)
{
    /// <summary>EndValue / StartValue − 1, a fraction; <c>null</c> when StartValue is not positive.</summary>
    public double? Return => StartValue > 0 ? (double)((EndValue / StartValue) - 1) : null;
}
