namespace Tradeguard.Trading.Engine;

/// <summary>The portfolio at the close of one bar.</summary>
/// <param name="Time">The bar's time.</param>
/// <param name="Equity">Cash plus position at the bar's close, quote currency.</param>
/// <param name="Position">Units held.</param>
public readonly record struct EquityPoint(DateTime Time, decimal Equity, decimal Position);
