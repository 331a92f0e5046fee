namespace Tradeguard.Trading.Indicators.Macd;

/// <summary>One MACD reading, in price units; a component not yet warmed up is <see cref="double.NaN"/>.</summary>
/// <param name="Macd">Fast EMA − slow EMA.</param>
/// <param name="Signal">EMA of <paramref name="Macd"/>.</param>
/// <param name="Histogram">Macd − Signal.</param>
public readonly record struct MacdValue(double Macd, double Signal, double Histogram);
