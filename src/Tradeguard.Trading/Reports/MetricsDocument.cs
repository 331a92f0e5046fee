using System.Text.Json;
using System.Text.Json.Serialization;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Reports.Analyzers;

namespace Tradeguard.Trading.Reports;

/// <summary>
/// <c>metrics.json</c>: the run's symbol, strategy, first and last bar time, then the metrics (fractions, not percent;
/// money in the quote currency), its final position (units) and whether the kill switch engaged. Keys are the property
/// names in camelCase, in this order.
/// </summary>
internal sealed record MetricsDocument(
    string Symbol,
    string Strategy,
    DateTime? Start,
    DateTime? End,
    int Bars,
    decimal StartValue,
    decimal FinalValue,
    double TotalReturn,
    double Cagr,
    double Sharpe,
    double? Sortino,
    double? Calmar,
    double PeriodsPerYear,
    double MaxDrawdown,
    DrawdownStatistics Drawdown,
    int TradeCount,
    double WinRate,
    TradeStatistics Trades,
    double Exposure,
    decimal Fees,
    IReadOnlyList<PeriodReturn> AnnualReturns,
    decimal FinalPosition,
    bool KillSwitchEngaged)
{
    /// <summary>The document of a run.</summary>
    public static MetricsDocument Of(RunResult result, PerformanceMetrics metrics) => new(
        result.Symbol,
        result.StrategyName,
        result.EquityCurve.Count > 0 ? result.EquityCurve[0].Time : null,
        result.EquityCurve.Count > 0 ? result.EquityCurve[^1].Time : null,
        metrics.Bars,
        metrics.StartValue,
        metrics.FinalValue,
        metrics.TotalReturn,
        metrics.Cagr,
        metrics.Sharpe,
        metrics.Sortino,
        metrics.Calmar,
        metrics.PeriodsPerYear,
        metrics.MaxDrawdown,
        metrics.Drawdown,
        metrics.TradeCount,
        metrics.WinRate,
        metrics.Trades,
        metrics.Exposure,
        metrics.Fees,
        metrics.AnnualReturns,
        result.FinalPosition,
        result.KillSwitchEngaged);

    /// <summary>Indented JSON with camelCase keys and a final newline.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, MetricsJsonContext.Default.MetricsDocument) + "\n";
}

/// <summary>
/// Source-generated writing of <see cref="MetricsDocument"/>: reflection-based writing built and compiled its
/// converters in every <c>run</c> (about 100 methods JIT-compiled and 60 emitted; docs/performance.md).
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MetricsDocument))]
internal sealed partial class MetricsJsonContext : JsonSerializerContext
{
}
